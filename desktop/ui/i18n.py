"""The interface language: Dossier's own translation (resources/i18n/dossier_<lang>.qm, made
from the .ts beside it by ``pyside6-lrelease``), Qt's for its standard dialogs (qtbase_<lang>),
and QLocale's default, so numbers and dates are written the language's way.

Which language: the command line's ``--lang``, else View ▸ Language (QSettings
``view/language``), else the system locale. English is the source language: no translator.

Strings are marked with ``translate("Context", "text")`` (``QCoreApplication.translate``, which
``pyside6-lupdate`` finds by name), never ``self.tr``: PySide6 looks ``self.tr`` up under the
runtime class's name, which a subclass changes, while lupdate files it under the class that
wrote it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from desktop.paths import resources_dir

translate = QCoreApplication.translate

# code -> the language's own name (as the View ▸ Language menu shows it)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
LANGUAGE_KEY = "view/language"
CHOICES = ("system", *LANGUAGES)

_override: str | None = None  # the command line's --lang, for this process only
_installed: list[QTranslator] = []
_active = "en"


class UnknownLanguage(ValueError):
    pass


def normalize(text: str) -> str:
    """'zh_CN', 'zh-CN', 'zh', 'zh_Hans', 'zh_CN.UTF-8' -> 'zh_CN'; 'en', 'en_GB', 'C' -> 'en';
    'system' -> 'system'. Raises UnknownLanguage for a language Dossier has no translation for."""
    raw = text.strip()
    low = raw.split(".")[0].split("@")[0].replace("-", "_").lower()
    if low in ("system", "auto"):
        return "system"
    if low in ("c", "posix") or low == "en" or low.startswith("en_"):
        return "en"
    if low == "zh" or low.startswith("zh_"):
        return "zh_CN"
    names = ", ".join(LANGUAGES)
    raise UnknownLanguage(f"no interface in {raw!r}: choose one of {names} (or system)")


def set_override(text: str | None) -> str | None:
    """The command line's ``--lang`` (validated); used instead of the saved choice."""
    global _override
    _override = None if text is None else normalize(text)
    if _override == "system":
        _override = system_language()
    return _override


def _settings() -> QSettings:
    return QSettings("Dossier", "Dossier")


def saved_choice() -> str:
    value = _settings().value(LANGUAGE_KEY, "system")
    return value if value in CHOICES else "system"


def save_choice(choice: str) -> None:
    if choice not in CHOICES:
        raise UnknownLanguage(choice)
    s = _settings()
    s.setValue(LANGUAGE_KEY, choice)
    s.sync()


def system_language() -> str:
    """zh_CN when the system's locale is any Chinese (the one translation there is), else en."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def wanted_language() -> str:
    if _override:
        return _override
    choice = saved_choice()
    return system_language() if choice == "system" else choice


def active_language() -> str:
    """The language the translators installed now speak."""
    return _active


def qm_path(lang: str) -> str:
    return str(resources_dir() / "i18n" / f"dossier_{lang}.qm")


def install(lang: str | None = None) -> str:
    """Install the translators for ``lang`` (default: :func:`wanted_language`) on the running
    application, replacing any installed before, and make its QLocale the default. Returns the
    language now active ('en' when the translation file is missing)."""
    global _active
    app = QCoreApplication.instance()
    lang = lang or wanted_language()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    active = "en"
    if lang != "en" and app is not None:
        own = QTranslator(app)
        if own.load(qm_path(lang)):
            app.installTranslator(own)
            _installed.append(own)
            active = lang
            qt = QTranslator(app)  # Qt's own: the buttons of message boxes and file dialogs
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{lang}", folder):
                app.installTranslator(qt)
                _installed.append(qt)
    QLocale.setDefault(QLocale("zh_CN" if active == "zh_CN" else "en_US"))
    _active = active
    return active


# -- numbers and dates, the active language's way ----------------------------------------------
def num(n: int | float) -> str:
    """1234567 -> '1,234,567' (QLocale's grouping; a float keeps one decimal at most)."""
    if isinstance(n, float) and not n.is_integer():
        return QLocale().toString(n, "f", 1)
    return QLocale().toString(int(n))


def date_time(moment: datetime) -> str:
    """A local date and time to the second: '2024-07-04 13:05:09' in English,
    '2024/7/4 13:05:09' in Chinese (QLocale's short date)."""
    local = moment.astimezone()
    qdt = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    if _active == "en":
        return local.strftime("%Y-%m-%d %H:%M:%S")
    loc = QLocale()
    return loc.toString(qdt.date(), QLocale.FormatType.ShortFormat) + qdt.time().toString(
        " HH:mm:ss"
    )


# -- shared words ---------------------------------------------------------------------------
# note colour labels (desktop/store/annotations.py COLOURS), as menus and combo boxes name them
COLOUR_NAMES = {
    "red": QT_TRANSLATE_NOOP("Colours", "Red"),
    "orange": QT_TRANSLATE_NOOP("Colours", "Orange"),
    "yellow": QT_TRANSLATE_NOOP("Colours", "Yellow"),
    "green": QT_TRANSLATE_NOOP("Colours", "Green"),
    "blue": QT_TRANSLATE_NOOP("Colours", "Blue"),
    "purple": QT_TRANSLATE_NOOP("Colours", "Purple"),
    "grey": QT_TRANSLATE_NOOP("Colours", "Grey"),
}


def colour_name(code: str) -> str:
    """'red' -> 'Red' ('红色' in Chinese)."""
    return translate("Colours", COLOUR_NAMES.get(code, code.capitalize()))
