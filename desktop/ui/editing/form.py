"""The edit form: one dialog for every kind, built from field specs, validated as you type.

Each change asks the store what is wrong with the values (:func:`desktop.store.edits.check`);
problems appear in red beside their field and OK stays disabled until there are none ("is
required" shows only once a field was touched, so a new form does not open covered in red).
On OK the form hands its values to ``submit``; if the store still refuses them (another program
changed the data meanwhile) the message is shown and the form stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.store import edits
from desktop.store.database import Store
from desktop.store.errors import StoreError
from desktop.ui.colours import error_style
from desktop.ui.editing.fields import FieldSpec, FieldWidget, columns_of, make_widget
from desktop.ui.store_text import store_text

Submit = Callable[[dict[str, Any]], None]


class EditDialog(QDialog):
    def __init__(
        self,
        store: Store,
        kind: str,
        specs: list[FieldSpec],
        values: dict[str, Any],
        title: str,
        submit: Submit,
        parent: QWidget | None = None,
        extra_check: Callable[[dict[str, Any]], dict[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"edit_{kind}")
        self.setWindowTitle(title)
        self.store = store
        self.kind = kind
        self.row_id = values.get("id")
        self.submit = submit
        self.extra_check = extra_check
        self.fields: dict[str, FieldWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        self._owner: dict[str, str] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            widget = make_widget(spec, self)
            widget.set_value(values)
            widget.sig_changed.connect(lambda name=spec.name: self._changed(name))
            error = QLabel(self)
            error.setObjectName(f"error_{spec.name}")
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.setStyleSheet(error_style(self))
            error.setWordWrap(True)
            error.hide()
            box = QWidget(self)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(widget)
            lay.addWidget(error)
            form.addRow(spec.label, box)
            self.fields[spec.name] = widget
            self.error_labels[spec.name] = error
            for col in columns_of(spec):
                self._owner[col] = spec.name
        self.general_error = QLabel(self)
        self.general_error.setObjectName("error_general")
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setStyleSheet(error_style(self))
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.validate()

    # -- values and validation -----------------------------------------------------------------
    @property
    def ok_button(self):  # type: ignore[no-untyped-def]
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for widget in self.fields.values():
            out.update(widget.value())
        return out

    def errors(self) -> dict[str, str]:
        """Problems by field name (a form field, which may stand for several columns)."""
        values = self.values()
        if self.row_id is not None:
            values["id"] = self.row_id
        problems = edits.check(self.store, self.kind, values)
        if self.extra_check is not None:
            problems.update(self.extra_check(values))
        out: dict[str, str] = {}
        for col, message in problems.items():
            out.setdefault(self._owner.get(col, col), message)
        return out

    def validate(self) -> bool:
        errors = self.errors()
        for name, label in self.error_labels.items():
            message = errors.get(name, "")
            if message == "is required" and name not in self.touched:
                message = ""
            label.setText(store_text(message))
            label.setVisible(bool(message))
        unplaced = [m for n, m in errors.items() if n not in self.error_labels]
        self.general_error.setText("\n".join(store_text(m) for m in unplaced))
        self.general_error.setVisible(bool(unplaced))
        self.ok_button.setEnabled(not errors)
        return not errors

    def _changed(self, name: str) -> None:
        self.touched.add(name)
        self.general_error.hide()
        self.validate()

    def field(self, name: str) -> FieldWidget:
        return self.fields[name]

    # -- QDialog -------------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.validate():
            return
        try:
            self.submit(self.values())
        except edits.FieldError as exc:
            name = self._owner.get(exc.field, exc.field)
            label = self.error_labels.get(name, self.general_error)
            label.setText(store_text(exc.message if label is not self.general_error else exc))
            label.show()
            return
        except StoreError as exc:
            self.general_error.setText(store_text(exc))
            self.general_error.show()
            return
        super().accept()
