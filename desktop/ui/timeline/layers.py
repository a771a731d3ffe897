"""Cached raster layers of the timeline frame; a mixin of :class:`TimelinePainter`.

A frame on a raster device (the widget, a PNG) is composed from images made once and reused:

* the *ground*: the base colour, the eras and the grid lines. Inside the lane area they are the
  same on every row, so one row is painted and repeated down the lane area as a texture brush
  (an antialiased vertical line costs a blend per row; a tiled row is a plain copy). Keyed by
  the scale, the width and the eras.
* the *lanes* composite (ground + chrome, opaque), made when a frame repeats the previous
  frame's scale and lanes: such a frame then costs one copy. The chrome (lane bands, the
  highlight tint, the header column, the separators) is otherwise drawn over the ground every
  frame: lane heights follow the stacking, so while panning they change every few frames, and
  a layer remade that often cost more than the fills and cached texts it saved.
* the *axis* strip (ticks, labels and the era strip above the lanes), keyed by the scale.
* the overview band without its window rectangle, keyed by its histogram.

The events are drawn over these every frame. The painting order is that of drawing everything
directly (a lane's events are clipped to it, so they never meet a later lane's chrome) and
"source over" is associative, so the pixels are those of the direct path up to rounding (at most
1 in 255 per channel where a translucent layer is composited). Vector devices (the SVG export)
are painted directly, without images.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPaintEngine, QPainter

if TYPE_CHECKING:
    from desktop.ui.timeline.canvas import TimelineCanvas

ARGB = QImage.Format.Format_ARGB32_Premultiplied
_MID = 8.0  # logical row of the ground strip that is copied (lines run from -_MID to 3 * _MID)


def is_raster(p: QPainter) -> bool:
    engine = p.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster


class LayersMixin:
    c: TimelineCanvas
    _layers: dict[str, tuple[tuple, QImage | QBrush]]

    def _layer(
        self,
        name: str,
        key: tuple,
        w: float,
        h: float,
        draw: Callable[[QPainter], None],
        opaque: bool = False,
    ) -> QImage:
        """The cached image `name` for `key`, or a w x h one painted by `draw` (logical
        coordinates, at the canvas's device pixel ratio), cleared to transparent first unless
        `draw` covers it all (`opaque`). The previous image's memory is reused."""
        dpr = self.c.devicePixelRatioF()
        key = (key, int(w), int(h), dpr)
        cached = self._layers.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]  # type: ignore[return-value]
        size = (max(1, round(w * dpr)), max(1, round(h * dpr)))
        image = cached[1] if cached is not None else None
        if not (
            isinstance(image, QImage)
            and (image.width(), image.height()) == size
            and image.devicePixelRatio() == dpr
        ):
            image = QImage(*size, ARGB)
            image.setDevicePixelRatio(dpr)
            opaque = False
        if not opaque:
            image.fill(Qt.GlobalColor.transparent)
        self._layers.pop(name, None)  # no other reference: painting does not copy it
        lp = QPainter(image)
        try:
            lp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            draw(lp)
        finally:
            lp.end()
        self._layers[name] = (key, image)
        return image

    def _fill_ground(
        self,
        p: QPainter,
        key: tuple,
        draw: Callable[[QPainter, float, float], None],
        top: float,
        bottom: float,
    ) -> None:
        """Fill the rows [top, bottom) with the lane area's ground for `key`: `draw(p, t, b)`
        paints it on a 2 * _MID px strip (rows t..b), whose middle row is repeated down as a
        texture brush (a tiled copy: cheaper than a stretched image, far cheaper than lines)."""
        if bottom <= top:
            return

        def paint(lp: QPainter) -> None:
            draw(lp, -_MID, 3 * _MID)

        strip = self._layer("ground", key, self.c.width(), 2 * _MID, paint)
        cached = self._layers.get("ground-row")
        full_key = self._layers["ground"][0]
        if cached is None or cached[0] != full_key:
            dpr = strip.devicePixelRatio()
            row = strip.copy(0, round(_MID * dpr), strip.width(), 1)
            row.setDevicePixelRatio(dpr)
            cached = (full_key, QBrush(row))
            self._layers["ground-row"] = cached
        p.save()
        p.setBrushOrigin(0, 0)
        p.fillRect(QRectF(0, top, self.c.width(), bottom - top), cached[1])
        p.restore()

    @staticmethod
    def _blit(p: QPainter, x: float, y: float, image: QImage) -> None:
        p.drawImage(QPointF(x, y), image)
