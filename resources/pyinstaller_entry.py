"""Entry script of the PyInstaller bundle (see build.spec): the same as the ``dossier`` command."""

from desktop.cli import main

raise SystemExit(main())
