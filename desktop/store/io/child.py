"""The reading process of a big import (see :mod:`desktop.store.io.parallel`): reads the file
named in its argument and writes its batches, pickled, to standard output; when asked to, it
writes the events into staging files instead and sends where they are
(:mod:`desktop.store.io.stage`)."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

from desktop.store.io.fastcsv import FastCsv
from desktop.store.io.formats import open_source
from desktop.store.io.parallel import BATCH_ROWS, END
from desktop.store.io.readers import CsvSource
from desktop.store.io.rows import Batch
from desktop.store.io.stage import StageWriter


def main() -> None:
    """The child: every batch of the file, then the end mark (or the exception raised)."""
    args = json.loads(sys.argv[1])
    out = sys.stdout.buffer
    try:
        source = open_source(Path(args["path"]), args["fmt"], args["requested"])
        stage = StageWriter(args["stage"]) if args.get("stage") else None
        size = int(args.get("size", BATCH_ROWS))
        if args.get("range"):  # one part of a CSV file read by two processes
            if not isinstance(source, CsvSource) or source.timesketch:
                raise TypeError("only a CSV file is read in parts")
            start, stop, first_row = args["range"]
            reader = FastCsv(source)
            reader.first_row = first_row
            batches = reader.batches(size, start, stop)
        else:
            batches = source.batches(size)
        for batch in batches:
            if stage is not None:  # the events go to a staging file; the rest is sent
                done = stage.add(batch)
                batch.rows, batch.orgs, batch.where = [], [], []
                pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
                if done is not None:
                    pickle.dump(Batch(stage=done), out, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
        last = stage.close() if stage is not None else None
        if last is not None:
            pickle.dump(Batch(stage=last), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(END, out)
    except BrokenPipeError:  # the parent stopped reading: nothing to say
        return
    except Exception as exc:
        pickle.dump(exc, out)
    out.flush()


if __name__ == "__main__":
    main()
