#!/bin/sh
# Refresh dossier_zh_CN.ts from the code (new messages come in unfinished, vanished ones go) and
# compile it to dossier_zh_CN.qm, which the application loads. Run from anywhere:
#     sh resources/i18n/update.sh
# Then translate the unfinished messages (pyside6-linguist, or any editor) and run it again;
# tests/ui/test_i18n.py fails while a message is unfinished or the .qm is older than the .ts.
set -e
cd "$(dirname "$0")/../.."
BIN="${DOSSIER_VENV:-.venv}/bin"
"$BIN/pyside6-lupdate" $(find desktop/ui -name '*.py' | sort) \
    -ts resources/i18n/dossier_zh_CN.ts -no-obsolete -locations none -source-language en
"$BIN/pyside6-lrelease" -nounfinished resources/i18n/dossier_zh_CN.ts \
    -qm resources/i18n/dossier_zh_CN.qm
