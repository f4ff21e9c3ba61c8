"""Appending to the record and walking it. The hash of an entry covers everything it says and the hash of
the entry before; `verify_chain` recomputes every hash in order."""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from .models import GENESIS_HASH, ChainHead, Entry

HEAD_PK = 1


def _json_safe(changes) -> dict:
    """Decimals, dates and the like as the text JSON stores, so the hash is the same when read back."""
    return json.loads(json.dumps(changes or {}, cls=DjangoJSONEncoder))


def entry_hash(*, sequence, at, actor_id, actor_label, event, subject_type, subject_id, subject_label,
               changes, previous_hash) -> str:  # fmt: skip
    content = {
        "sequence": sequence,
        "at": at.astimezone(UTC).isoformat(),
        "actor_id": actor_id,
        "actor": actor_label,
        "event": event,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "subject": subject_label,
        "changes": changes,
        "previous": previous_hash,
    }
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _subject(subject):
    """(content type, id, label) of a model instance, or (None, "", text) of a plain label."""
    if isinstance(subject, models.Model):
        return ContentType.objects.get_for_model(subject), str(subject.pk), str(subject)[:300]
    return None, "", str(subject)[:300]


def _type_key(content_type) -> str:
    return f"{content_type.app_label}.{content_type.model}" if content_type else ""


@transaction.atomic
def record_append_many(entries) -> list[Entry]:
    """Append entries (dicts of actor, event, subject, changes) in order, in a constant number of
    queries: lock the head, read it, insert the entries, move the head."""
    entries = list(entries)
    if not entries:
        return []
    # The UPDATE is the lock: a second append waits here until this transaction ends.
    if not ChainHead.objects.filter(pk=HEAD_PK).update(sequence=F("sequence") + len(entries)):
        ChainHead.objects.get_or_create(pk=HEAD_PK)  # the very first append
        ChainHead.objects.filter(pk=HEAD_PK).update(sequence=F("sequence") + len(entries))
    head = ChainHead.objects.select_for_update().get(pk=HEAD_PK)
    sequence, previous = head.sequence - len(entries), head.hash
    now = timezone.now()
    rows = []
    for item in entries:
        sequence += 1
        actor = item.get("actor")
        content_type, subject_id, subject_label = _subject(item["subject"])
        row = Entry(
            sequence=sequence,
            at=now,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=(actor.get_username() if getattr(actor, "pk", None) else str(actor or ""))[:254],
            event=item["event"],
            subject_type=content_type,
            subject_id=subject_id,
            subject_label=subject_label,
            changes=_json_safe(item.get("changes")),
            previous_hash=previous,
        )
        row.hash = entry_hash(
            sequence=row.sequence, at=row.at, actor_id=row.actor_id, actor_label=row.actor_label,
            event=row.event, subject_type=_type_key(content_type), subject_id=row.subject_id,
            subject_label=row.subject_label, changes=row.changes, previous_hash=row.previous_hash,
        )  # fmt: skip
        previous = row.hash
        rows.append(row)
    Entry.objects.bulk_create(rows)
    ChainHead.objects.filter(pk=HEAD_PK).update(hash=previous)
    return rows


def record_append(*, actor, event: str, subject, changes: dict | None = None) -> Entry:
    """Append one entry: who (`actor`, a person or None for the portal itself), what kind of event, about
    what (`subject`: a model instance or a plain label) and what changed (JSON)."""
    return record_append_many([{"actor": actor, "event": event, "subject": subject, "changes": changes}])[0]


@dataclass(frozen=True)
class ChainState:
    entries: int
    last_hash: str
    first_bad: int | None = None  # the sequence number of the first entry that does not match
    problem: str = ""

    @property
    def ok(self):
        return self.first_bad is None and not self.problem


def verify_chain() -> ChainState:
    """Walk the record in order and recompute each hash; name the first entry that does not match."""
    types = {ct.pk: _type_key(ct) for ct in ContentType.objects.all()}
    previous, expected_sequence, count = GENESIS_HASH, 1, 0
    fields = ["sequence", "at", "actor_id", "actor_label", "event", "subject_type_id", "subject_id",
              "subject_label", "changes", "previous_hash", "hash"]  # fmt: skip
    for row in Entry.objects.order_by("sequence").values(*fields).iterator(chunk_size=2000):
        count += 1
        sequence = row["sequence"]
        if sequence != expected_sequence:
            return ChainState(count, previous, expected_sequence, f"entry {expected_sequence} is missing")
        if row["previous_hash"] != previous:
            return ChainState(count, previous, sequence, "it does not hold the hash of the entry before")
        recomputed = entry_hash(
            sequence=sequence, at=row["at"], actor_id=row["actor_id"], actor_label=row["actor_label"],
            event=row["event"], subject_type=types.get(row["subject_type_id"], ""),
            subject_id=row["subject_id"], subject_label=row["subject_label"], changes=row["changes"],
            previous_hash=row["previous_hash"],
        )  # fmt: skip
        if recomputed != row["hash"]:
            return ChainState(count, previous, sequence, "its content does not match its hash")
        previous, expected_sequence = row["hash"], sequence + 1
    head = ChainHead.objects.filter(pk=HEAD_PK).first()
    if head is not None and (head.sequence, head.hash) != (expected_sequence - 1, previous):
        return ChainState(
            count, previous, expected_sequence, f"the record's head says entry {head.sequence} is the last"
        )
    return ChainState(count, previous)
