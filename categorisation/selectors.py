"""Reads other apps (and this one's screens) use. Each runs a fixed number of queries."""

from django.db.models import Prefetch

from .models import Categorisation, Characteristic, FinanceFigures, Level


def categories_for(*, school_ids, half_term) -> dict:
    """{(school_id, dimension): Categorisation}: the current revision for that half-term (two queries)."""
    records = (
        Categorisation.objects.current()
        .filter(school_id__in=list(school_ids), half_term=half_term)
        .select_related("level", "decided_by", "vote")
        .prefetch_related(Prefetch("characteristics", queryset=Characteristic.objects.order_by("order")))
    )
    return {(record.school_id, record.dimension): record for record in records}


def finance_figures_for(*, school_ids, half_term) -> dict:
    """{school_id: FinanceFigures} for that half-term (one query)."""
    figures = FinanceFigures.objects.filter(school_id__in=list(school_ids), half_term=half_term)
    return {row.school_id: row for row in figures}


def active_levels() -> dict:
    """{dimension: [Level, best first]} of the active ladder (one query)."""
    levels = {}
    for level in Level.objects.active().order_by("dimension", "position"):
        levels.setdefault(level.dimension, []).append(level)
    return levels


def todo_items(user, access, *, today) -> list:
    """This app's work for the to-do page: the half-term still to categorise and finance figures still
    missing (CEO, CFO), open votes awaiting the person's vote, and votes the person may now close.
    At most seven queries, whatever the number of schools or votes."""
    from django.urls import reverse

    from schools.models import HalfTerm, School
    from schools.roles import Role
    from todo.items import TodoItem

    from .models import Dimension, Vote, VoteMember, VotePolicy, VoteStatus
    from .permissions import chaired_dimensions, may_decide_all, may_enter_finance
    from .services.votes import vote_state

    items = []
    half_term = HalfTerm.objects.current(on=today)
    if half_term is not None and (may_decide_all(user) or may_enter_finance(user)):
        school_ids = list(School.objects.visible_to(user).values_list("pk", flat=True))
        late = half_term.ends_on < today
        if may_decide_all(user):
            decided = {}
            for school_id, dimension in (
                Categorisation.objects.current()
                .filter(school_id__in=school_ids, half_term=half_term)
                .values_list("school_id", "dimension")
            ):
                decided.setdefault(school_id, set()).add(dimension)
            waiting = [pk for pk in school_ids if len(decided.get(pk, ())) < len(Dimension.values)]
            if waiting:
                items.append(
                    TodoItem(
                        group="Categorisation",
                        title=f"Categorise {len(waiting)} school{'s' if len(waiting) != 1 else ''} "
                        f"for {half_term.label}",
                        href=reverse("categorisation:decide"),
                        status="Not started" if len(waiting) == len(school_ids) else "In progress",
                        colour="grey" if len(waiting) == len(school_ids) else "yellow",
                        due_on=half_term.ends_on,
                        overdue=late,
                    )
                )
        with_figures = set(
            FinanceFigures.objects.filter(school_id__in=school_ids, half_term=half_term).values_list(
                "school_id", flat=True
            )
        )
        if access.has_trust_role(Role.CFO):
            for school in (
                School.objects.filter(pk__in=school_ids).exclude(pk__in=with_figures).order_by("name")
            ):
                items.append(
                    TodoItem(
                        group="Finance figures",
                        title=f"Enter {school}'s finance figures for {half_term.label}",
                        href=reverse("categorisation:finance", args=[school.urn, half_term.pk]),
                        status="Missing",
                        colour="red" if late else "grey",
                        due_on=half_term.ends_on,
                        overdue=late,
                    )
                )

    for seat in (
        VoteMember.objects.filter(
            person=user, choice="", stepped_aside_at__isnull=True, vote__status=VoteStatus.OPEN
        )
        .select_related("vote__school", "vote__from_level", "vote__proposed_level")
        .order_by("vote__closes_on", "pk")
    ):
        vote = seat.vote
        items.append(
            TodoItem(
                group="Votes",
                title=f"Vote on {vote}",
                href=reverse("categorisation:vote", args=[vote.pk]),
                status="Awaiting your vote",
                colour="orange",
                due_on=vote.closes_on,
                overdue=bool(vote.closes_on and vote.closes_on < today),
            )
        )

    chaired = chaired_dimensions(user)
    if chaired:
        votes = list(
            Vote.objects.visible_to(user)
            .filter(status=VoteStatus.OPEN, dimension__in=chaired)
            .select_related("school", "from_level", "proposed_level")
            .prefetch_related("members")
            .order_by("closes_on", "pk")
        )
        policy = VotePolicy.objects.for_trust() if votes else None
        for vote in votes:
            state = vote_state(vote, list(vote.members.all()), policy)
            if state.may_close:
                items.append(
                    TodoItem(
                        group="Votes",
                        title=f"Close the vote on {vote}",
                        href=reverse("categorisation:vote", args=[vote.pk]),
                        status="All voted" if state.all_voted else "Closing date passed",
                        colour="green" if state.all_voted else "orange",
                        due_on=vote.closes_on,
                        overdue=bool(vote.closes_on and vote.closes_on < today),
                        action=(reverse("categorisation:vote_close", args=[vote.pk]), "Close the vote"),
                    )
                )
    return items
