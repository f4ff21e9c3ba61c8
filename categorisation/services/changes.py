"""What a decision says, as the trust's hash-chained record (the records app) keeps it."""


def decision_changes(record, *, characteristics=None) -> dict:
    """What a decision says, for the record (the hash-chained log). A bulk save passes each decision's
    ticked characteristics and appends them all with `records.chain.record_append_many`."""
    if characteristics is None:
        characteristics = record.characteristics.all()
    return {
        "school": record.school.urn,
        "half_term": record.half_term.label,
        "dimension": record.dimension,
        "level": record.level.code,
        "revision": record.revision,
        "route": record.route,
        "vote": record.vote_id,
        "rationale": record.rationale,
        "correction_reason": record.correction_reason,
        "characteristics": sorted(c.code for c in characteristics),
    }
