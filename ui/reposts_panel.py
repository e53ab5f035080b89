"""“This picture already appears in item N”: reposts found without looking (issue 14).

Shown in an item's detail above its picture when one of its pictures is also in another item
(the same file, or the same picture by its PDQ hash: evidencekit/jobs/reposts.py). Each row
has both pictures, blurred (ui/blur.py) and never revealed here, the words, and a link that
opens the other item. Nothing is revealed automatically: looking stays her choice, in the
other item's own viewer. After each unlock the pictures of items stored before the vault
kept picture hashes are hashed in the background (what `evidencekit hashes --index` does).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from evidencekit.vault.records import ItemRecord
from ui import blur
from ui import format as fmt
from ui.placeholders import placeholder
from ui.session import VaultSession
from ui.widgets import button, heading, paragraph
from ui.workers import Job

THUMB = QSize(72, 72)


@dataclass(frozen=True)
class RepostRow:
    """One match, ready for the screen: the repost and the other item's record."""

    repost: Any  # evidencekit.jobs.reposts.Repost
    other: ItemRecord


class RepostsPanel(QFrame):
    """The matches of one item, or nothing (hidden) when it has none."""

    open_item = Signal(str)

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._job: Job | None = None
        self._item: ItemRecord | None = None
        self.rows: list[RepostRow] = []
        self.thumbs: list[QLabel] = []
        self.links: list[Any] = []
        self._thumb_jobs: list[Job] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Pictures already in other items"))
        self._layout = QVBoxLayout(self)
        self.title = heading(self.tr("Already in your evidence"), self, scale=1.05)
        self._layout.addWidget(self.title)
        self._body = QVBoxLayout()
        self._layout.addLayout(self._body)
        self.hide()
        self.older_job = self._hash_older_items()

    def _hash_older_items(self) -> Job:
        """Once per unlock: hash the pictures of items stored before the vault kept picture
        hashes (a vault from before issue 14), in the background, one item at a time so the
        rest of the app keeps working; the item shown is looked up again afterwards."""
        from evidencekit.jobs.reposts import hash_new_item

        session = self._session

        async def work(job: Job) -> Any:
            todo = await session.call(session.vault.items_to_hash)
            for item_id in todo:
                await hash_new_item(session.vault, session.lock, item_id)
            return len(todo)

        job = session.job(work, "hash-older-items")
        job.succeeded.connect(self._older_hashed)
        return job

    def _older_hashed(self, count: object) -> None:
        if count and self._item is not None and self._session.is_open:
            self.show_for(self._item)

    def show_for(self, item: ItemRecord) -> Job:
        """Look up the item's matches (from the kept hashes; nothing is decoded)."""
        from evidencekit.jobs.reposts import reposts_of

        self._item = item
        session = self._session

        def read() -> list[RepostRow]:
            found = []
            for repost in reposts_of(session.vault, item.id):
                other = session.vault.item(repost.other_item)
                found.append(RepostRow(repost, other))
            return found

        async def work(job: Job) -> Any:
            return await session.call(read)

        self._job = job = session.job(work, "reposts")
        job.succeeded.connect(self._loaded)
        return job

    def _clear(self) -> None:
        while self._body.count():
            taken = self._body.takeAt(0)
            if taken is None:
                continue
            layout = taken.layout()
            if layout is not None:
                while layout.count():
                    child = layout.takeAt(0)
                    widget = child.widget() if child is not None else None
                    if widget is not None:
                        widget.deleteLater()
            widget = taken.widget()
            if widget is not None:
                widget.deleteLater()
        self.rows, self.thumbs, self.links, self._thumb_jobs = [], [], [], []

    def _loaded(self, rows: list[RepostRow]) -> None:
        if self.sender() is not self._job or self._item is None:
            return
        self._clear()
        self.setVisible(bool(rows))
        item = self._item
        for row in rows:
            self.rows.append(row)
            line = QHBoxLayout()
            line.addWidget(self._thumb(item, row.repost.picture))
            line.addWidget(self._thumb(row.other, row.repost.other_picture))
            words = paragraph(self.words(row), self)
            words.setTextFormat(Qt.TextFormat.PlainText)  # names and handles come from pages
            line.addWidget(words, 1)
            link = button(self.tr("Open item %1").replace("%1", row.other.id), self)
            link.clicked.connect(lambda _=False, other=row.other.id: self.open_item.emit(other))
            self.links.append(link)
            line.addWidget(link, 0, Qt.AlignmentFlag.AlignTop)
            self._body.addLayout(line)

    def words(self, row: RepostRow) -> str:
        """'This picture (media/a.jpg) already appears in item k3m… (posted by @x on …).' — the
        core's own words (the CLI says the same), in the window's language: pictures, video
        files and sampled video frames each have their wording there."""
        from evidencekit.jobs.reposts import describe

        said = describe(row.repost, row.other)
        return said.sq if fmt.language() == "sq" else said.en

    def _thumb(self, item: ItemRecord, name: str) -> QLabel:
        """A blurred thumbnail of one picture (a plain box for an item she chose never to see)."""
        label = QLabel(self)
        label.setFixedSize(THUMB)
        label.setAccessibleName(self.tr("Blurred picture %1").replace("%1", name))
        label.setPixmap(placeholder(THUMB, self.tr("Hidden by you") if item.hidden else ""))
        self.thumbs.append(label)
        if item.hidden or item.artifact(name) is None:  # minor-safe: no bytes were kept
            return label
        session = self._session

        async def work(job: Job) -> Any:
            data = await session.call(session.vault.read_artifact, item.id, name)
            try:
                return await asyncio.to_thread(
                    blur.render, data, blurred=True, width=THUMB.width(), height=THUMB.height()
                )
            except ValueError:
                return None

        job = session.job(work, "repost-thumb")
        job.succeeded.connect(lambda image, target=label: self._set_thumb(target, image))
        self._thumb_jobs.append(job)
        return label

    def _set_thumb(self, label: QLabel, image: object) -> None:
        if isinstance(image, QImage) and label in self.thumbs:
            label.setPixmap(QPixmap.fromImage(image))
