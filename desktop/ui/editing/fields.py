"""Field widgets for edit forms: each reads and writes plain values and says when it changed.

A :class:`FieldSpec` describes one row of a form; :func:`make_widget` builds its editor, whose
``value()`` gives the column values it stands for (``{column: value}``) and ``set_value()``
fills it from the row's form values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.partial_date import DateParseError, PartialDate
from desktop.ui.document import words
from desktop.ui.editing.date_hint import describe_date
from desktop.ui.i18n import translate


@dataclass
class FieldSpec:
    """One row of a form. ``widget``: line, text, date, range_date, suggest, choice, ref,
    tristate, check, orgs, typed (one of several kinds of row: ``columns`` maps a kind to
    its column), target (a citation's kind and id)."""

    name: str
    label: str
    widget: str = "line"
    options: list[tuple[Any, str]] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    placeholder: str = ""


class FieldWidget(QWidget):
    sig_changed = Signal()
    """The value was edited."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)

    def value(self) -> dict[str, Any]:
        raise NotImplementedError

    def set_value(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def editor(self) -> QWidget:
        """The widget that takes focus and keystrokes."""
        item = self.layout_.itemAt(0)
        widget = item.widget() if item is not None else None
        return widget if widget is not None else self


class LineField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(spec.placeholder)
        self.edit.textChanged.connect(self.sig_changed)
        self.layout_.addWidget(self.edit)

    def value(self) -> dict[str, Any]:
        return {self.spec.name: self.edit.text()}

    def set_value(self, values: dict[str, Any]) -> None:
        raw = values.get(self.spec.name)
        if isinstance(raw, list | tuple):
            raw = ", ".join(map(str, raw))
        elif isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        self.edit.setText("" if raw is None else str(raw))


class DateField(LineField):
    """A partial date: shows under the field how the text was understood, as it is typed."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit.setPlaceholderText(
            spec.placeholder or translate("Editing", "e.g. early May 2024, Q2 2024, 9 Jul 2024")
        )
        self.hint = QLabel(self)
        self.hint.setObjectName("dateHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: #2e6b30;")
        self.layout_.addWidget(self.hint)
        self.edit.textChanged.connect(self._update_hint)
        self._update_hint(self.edit.text())

    def _update_hint(self, text: str) -> None:
        ok, message = describe_date(text, allow_range=self.spec.widget == "range_date")
        self.hint.setText(words.text(message) if ok else "")  # in the interface language
        self.hint.setVisible(bool(message) and ok)

    def set_value(self, values: dict[str, Any]) -> None:
        raw = values.get(self.spec.name)
        try:
            text = PartialDate.parse(raw).display() if raw else ""
        except DateParseError:
            text = str(raw)
        self.edit.setText(text)


class TextField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(spec.placeholder)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(72)
        self.edit.textChanged.connect(self.sig_changed)
        self.layout_.addWidget(self.edit)

    def value(self) -> dict[str, Any]:
        return {self.spec.name: self.edit.toPlainText()}

    def set_value(self, values: dict[str, Any]) -> None:
        self.edit.setPlainText(values.get(self.spec.name) or "")


class ComboField(FieldWidget):
    """suggest (editable, free text), choice, ref (with '—' for none), tristate, typed, target."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(24)
        options = list(spec.options)
        if spec.widget == "suggest":
            self.combo.setEditable(True)
            self.combo.addItems([str(v) for v, _ in options])
            self.combo.editTextChanged.connect(self.sig_changed)
        else:
            if spec.widget == "ref" or (spec.widget in ("typed", "target") and spec.columns):
                options = [(None, "—"), *options]
            if spec.widget == "tristate":
                options = [(None, "unknown"), (True, "yes"), (False, "no")]
            for data, label in options:
                self.combo.addItem(label, data)
            self.combo.currentIndexChanged.connect(self.sig_changed)
        self.layout_.addWidget(self.combo)

    def _data(self) -> Any:
        return self.combo.currentData()

    def value(self) -> dict[str, Any]:
        w, name = self.spec.widget, self.spec.name
        if w == "suggest":
            return {name: self.combo.currentText()}
        data = self._data()
        if w == "typed":
            out = dict.fromkeys(self.spec.columns.values())
            if data is not None:
                out[self.spec.columns[data[0]]] = data[1]
            return out
        if w == "target":
            return {
                "target_kind": None if data is None else data[0],
                "target_id": None if data is None else data[1],
            }
        return {name: data}

    def set_value(self, values: dict[str, Any]) -> None:
        w = self.spec.widget
        if w == "suggest":
            self.combo.setEditText(str(values.get(self.spec.name) or ""))
            return
        if w == "typed":
            want = next(
                ((k, values[c]) for k, c in self.spec.columns.items() if values.get(c) is not None),
                None,
            )
        elif w == "target":
            kind, tid = values.get("target_kind"), values.get("target_id")
            want = None if kind is None or tid is None else (kind, tid)
        else:
            want = values.get(self.spec.name)
        for i in range(self.combo.count()):
            data = self.combo.itemData(i)
            if (tuple(data) if isinstance(data, list) else data) == want:
                self.combo.setCurrentIndex(i)
                return


class CheckField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox(spec.placeholder, self)
        self.box.toggled.connect(self.sig_changed)
        self.layout_.addWidget(self.box)

    def value(self) -> dict[str, Any]:
        return {self.spec.name: self.box.isChecked()}

    def set_value(self, values: dict[str, Any]) -> None:
        self.box.setChecked(bool(values.get(self.spec.name)))


class OrgsField(FieldWidget):
    """The organizations an event involves: a checkable list (roles are kept)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.list = QListWidget(self)
        self.list.setFixedHeight(110)
        self.roles: dict[int, str] = {}
        for org_id, label in spec.options:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.itemChanged.connect(lambda _item: self.sig_changed.emit())
        self.layout_.addWidget(self.list)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def value(self) -> dict[str, Any]:
        ids = [
            int(it.data(Qt.ItemDataRole.UserRole))
            for it in self._items()
            if it.checkState() == Qt.CheckState.Checked
        ]
        return {"orgs": [(i, self.roles.get(i, "involved")) for i in ids]}

    def set_value(self, values: dict[str, Any]) -> None:
        links = [
            (x, "involved") if isinstance(x, int) else tuple(x) for x in values.get("orgs", ())
        ]
        self.roles = {int(i): str(r) for i, r in links}
        first = None
        for it in self._items():
            on = int(it.data(Qt.ItemDataRole.UserRole)) in self.roles
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if on and first is None:
                first = it
        if first is not None:
            self.list.scrollToItem(first)


_MAKERS: dict[str, Callable[[FieldSpec, QWidget | None], FieldWidget]] = {
    "line": LineField,
    "date": DateField,
    "range_date": DateField,
    "text": TextField,
    "suggest": ComboField,
    "choice": ComboField,
    "ref": ComboField,
    "tristate": ComboField,
    "typed": ComboField,
    "target": ComboField,
    "check": CheckField,
    "orgs": OrgsField,
}


def make_widget(spec: FieldSpec, parent: QWidget | None = None) -> FieldWidget:
    return _MAKERS[spec.widget](spec, parent)


def columns_of(spec: FieldSpec) -> set[str]:
    """The column names whose errors belong beside this field."""
    if spec.widget == "typed":
        return set(spec.columns.values())
    if spec.widget == "target":
        return {"target_kind", "target_id"}
    return {spec.name}
