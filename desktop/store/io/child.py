"""The reading process of a big import (see :mod:`desktop.store.io.parallel`): reads the file
named in its argument and writes its batches, pickled, to standard output."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

from desktop.store.io.formats import open_source
from desktop.store.io.parallel import BATCH_ROWS, END


def main() -> None:
    """The child: every batch of the file, then the end mark (or the exception raised)."""
    args = json.loads(sys.argv[1])
    out = sys.stdout.buffer
    try:
        source = open_source(Path(args["path"]), args["fmt"], args["requested"])
        for batch in source.batches(int(args.get("size", BATCH_ROWS))):
            pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(END, out)
    except BrokenPipeError:  # the parent stopped reading: nothing to say
        return
    except Exception as exc:
        pickle.dump(exc, out)
    out.flush()


if __name__ == "__main__":
    main()
