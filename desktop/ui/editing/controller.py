"""Edit actions of the main window: forms for every kind, each save one undoable command.

Runs on the UI thread. Forms open window-modal without blocking (``QDialog.open``), so the
newest one is ``controller.dialog`` (tests drive it from there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QPushButton

from desktop.store import edits
from desktop.store import edits_choices as choices
from desktop.store.errors import StoreError
from desktop.ui.editing.commands import (
    KIND_NAMES,
    CreateCommand,
    DeleteCommand,
    UpdateCommand,
)
from desktop.ui.editing.form import EditDialog
from desktop.ui.editing.items import ItemsDialog
from desktop.ui.editing.specs import defaults_for, specs_for
from desktop.ui.field_words import field_text
from desktop.ui.i18n import translate
from desktop.ui.store_text import store_text

if TYPE_CHECKING:
    from desktop.ui.context import WindowContext

# a source is not an organization's, but a citation added here needs one to name
ADD_KINDS = ("person", "product", "claim", "metric", "relationship", "citation", "event", "source")


class EditingController(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.qt)
        self.window = window
        self.store = window.store
        self.stack = window.undo_stack
        self.dialog: QDialog | None = None
        self.actions: dict[str, QAction] = {}
        self._build_menu(window.menus["edit"])
        window.timeline.canvas.sig_event_activated.connect(self.edit_event)
        # keep the actions' enabled state true to what they would act on
        window.timeline.canvas.sig_event_selected.connect(lambda _id: self.update_actions())
        window.dossiers.currentChanged.connect(lambda _i: self.update_actions())
        window.bus.sig_views.connect(lambda _changes: self.update_actions())

    # -- menu ------------------------------------------------------------------------------
    def _action(self, menu: QMenu, name: str, text: str, slot: Any) -> QAction:
        action = QAction(text, self.window.qt)
        action.setObjectName(f"edit_{name}")
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self.actions[name] = action
        return action

    def _build_menu(self, menu: QMenu) -> None:
        self._action(
            menu, "new_org", translate("Editing", "New &organization…"), lambda: self.new("org")
        )
        self._action(
            menu, "new_event", translate("Editing", "New &event…"), lambda: self.new("event")
        )
        menu.addSeparator()
        self._action(
            menu, "edit_event", translate("Editing", "Edit selected event…"), self.edit_event
        )
        self._action(
            menu, "delete_event", translate("Editing", "Delete selected event"), self.delete_event
        )
        menu.addSeparator()
        self._action(menu, "edit_org", translate("Editing", "Edit organization…"), self.edit_org)
        self._action(
            menu, "delete_org", translate("Editing", "Delete organization…"), self.ask_delete_org
        )
        items = translate("Editing", "Edit or delete an item of this organization…")
        self._action(menu, "org_items", items, self.edit_items)
        add = menu.addMenu(translate("Editing", "&Add to this organization"))
        add.setObjectName("edit_add_menu")
        for kind in ADD_KINDS:
            text = field_text(KIND_NAMES[kind]).capitalize() + "…"
            self._action(add, f"add_{kind}", text,
                         lambda kind=kind: self.new(kind, self.current_org()))  # fmt: skip
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        readonly = self.store.readonly
        has_org = self.current_org() is not None
        has_event = self.selected_event() is not None
        for name, action in self.actions.items():
            need_org = name in ("edit_org", "delete_org", "org_items") or name.startswith("add_")
            need_event = name in ("edit_event", "delete_event")
            action.setEnabled(
                not readonly and (has_org or not need_org) and (has_event or not need_event)
            )

    # -- what the user is looking at -----------------------------------------------------------
    def current_org(self) -> int | None:
        view = self.window.dossiers.current_view()
        if view is None or not choices.exists(self.store, "org", view.org_id):
            return None
        return view.org_id

    def selected_event(self) -> int | None:
        for candidate in (self.window.details.event_id, self.window.timeline.canvas.selected):
            if (
                candidate is not None
                and candidate >= 0
                and choices.exists(self.store, "event", candidate)
            ):
                return int(candidate)
        return None

    def _message(self, text: str) -> None:
        self.window.show_status(text, 8000)

    # -- forms -----------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def new(self, kind: str, org_id: int | None = None) -> EditDialog:
        """Open the form for a new row (of the dossier ``org_id``, when given)."""
        if org_id is None and kind == "event":
            org_id = self.current_org()
        values = defaults_for(kind, org_id)

        def submit(fields: dict[str, Any]) -> None:
            if kind == "person" and org_id is not None:
                title = str(fields.pop("role_title", "") or "").strip()
                if title:
                    fields["roles"] = [{"org_id": org_id, "title": title}]
            row_id = edits.create(self.store, kind, fields)
            label = choices.label_of(self.store, kind, row_id)
            self.stack.push(CreateCommand(self.store, kind, row_id, label, self._message))
            self._after(kind, row_id)

        title = translate("Editing", "New {kind}").format(kind=field_text(KIND_NAMES[kind]))
        if org_id is not None and kind != "org":
            title += f" — {choices.label_of(self.store, 'org', org_id)}"
        specs = specs_for(self.store, kind, org_id)
        dialog = EditDialog(self.store, kind, specs, values, title, submit, self.window.qt)
        self._open(dialog)
        return dialog

    def edit(self, kind: str, row_id: int, org_id: int | None = None) -> EditDialog:
        """Open the form for an existing row."""
        values = edits.current_fields(self.store, kind, row_id)

        def submit(fields: dict[str, Any]) -> None:
            label = choices.label_of(self.store, kind, row_id)
            previous = edits.update(self.store, kind, row_id, fields)
            if previous:
                self.stack.push(
                    UpdateCommand(self.store, kind, row_id, previous, label, self._message)
                )

        title = translate("Editing", "Edit {kind} “{label}”").format(
            kind=field_text(KIND_NAMES[kind]), label=choices.label_of(self.store, kind, row_id)
        )
        specs = specs_for(self.store, kind, org_id if org_id is not None else self.current_org())
        dialog = EditDialog(self.store, kind, specs, values, title, submit, self.window.qt)
        self._open(dialog)
        return dialog

    def _after(self, kind: str, row_id: int) -> None:
        if kind == "org":
            self.window.open_org(row_id)
        elif kind == "event":
            self.window.focus_event(row_id)

    # -- actions ---------------------------------------------------------------------------
    def edit_event(self, event_id: int | None = None) -> EditDialog | None:
        event_id = event_id if event_id is not None and event_id >= 0 else self.selected_event()
        return None if event_id is None else self.edit("event", event_id)

    def edit_org(self) -> EditDialog | None:
        org_id = self.current_org()
        return None if org_id is None else self.edit("org", org_id)

    def edit_items(self) -> ItemsDialog | None:
        org_id = self.current_org()
        if org_id is None:
            return None
        dialog = ItemsDialog(self, org_id, self.window.qt)
        self._open(dialog)
        return dialog

    def delete(self, kind: str, row_id: int) -> bool:
        """Delete one row (undoable); False, with a message, if the store refused."""
        label = choices.label_of(self.store, kind, row_id)
        try:
            snap = edits.delete(self.store, kind, row_id)
        except StoreError as exc:
            message = translate("Editing", "Could not delete {kind} “{label}”: {error}")
            self._message(
                message.format(
                    kind=field_text(KIND_NAMES[kind]), label=label, error=store_text(exc)
                )
            )
            return False
        self.stack.push(DeleteCommand(self.store, kind, row_id, snap, label, None, self._message))
        return True

    def delete_event(self, event_id: int | None = None) -> bool:
        event_id = event_id if event_id is not None else self.selected_event()
        if event_id is None:
            return False
        done = self.delete("event", event_id)
        if done:
            self.window.show_event(-1)
        return done

    def delete_org(self, org_id: int, events: str = "keep") -> bool:
        """Delete an organization; ``events``: 'keep' (unlink them) or 'delete' (those that
        involve only it)."""
        label = choices.label_of(self.store, "org", org_id)
        try:
            snap = edits.delete_org(self.store, org_id, events)
        except StoreError as exc:
            message = translate("Editing", "Could not delete organization “{label}”: {error}")
            self._message(message.format(label=label, error=store_text(exc)))
            return False
        self.stack.push(
            DeleteCommand(self.store, "org", org_id, snap, label, events, self._message)
        )
        return True

    def ask_delete_org(self, org_id: int | None = None) -> QMessageBox | None:
        """Ask what to do with the organization's events, then delete it."""
        org_id = org_id if org_id is not None else self.current_org()
        if org_id is None:
            return None
        label = choices.label_of(self.store, "org", org_id)
        linked, only = edits.org_event_counts(self.store, org_id)
        box = QMessageBox(self.window.qt)
        box.setObjectName("deleteOrgBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Editing", "Delete organization"))
        box.setText(
            translate(
                "Editing",
                "Delete “{label}” with its people's roles there, its claims, metrics, "
                "relationships and citations? Its products stay, without an owner.",
            ).format(label=label)
        )
        if linked == 1:
            linked_text = translate(
                "Editing",
                "It is linked to {linked} event; {only} of them involve no other organization."
                " You can undo this with Ctrl+Z.",
            )
        else:
            linked_text = translate(
                "Editing",
                "It is linked to {linked} events; {only} of them involve no other organization."
                " You can undo this with Ctrl+Z.",
            )
        box.setInformativeText(linked_text.format(linked=linked, only=only))
        keep = QPushButton(translate("Editing", "Keep its events"), box)
        keep.setObjectName("keepEvents")
        if only == 1:
            drop_text = translate("Editing", "Delete its {n} own event")
        else:
            drop_text = translate("Editing", "Delete its {n} own events")
        drop = QPushButton(drop_text.format(n=only), box)

        drop.setObjectName("deleteEvents")
        box.addButton(keep, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(drop, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)

        def chosen(button: object) -> None:
            if button is keep or button is drop:
                self.delete_org(org_id, "keep" if button is keep else "delete")

        box.buttonClicked.connect(chosen)
        self._open(box)
        return box
