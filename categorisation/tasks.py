"""Worker and beat tasks for votes' emails. Each message is claimed in the database before it goes (see
`categorisation.services.vote_messages`), so running a task twice sends nothing twice."""

from celery import shared_task

from .services.vote_messages import vote_messages_send, vote_reminders_queue


@shared_task(name="categorisation.send_vote_messages")
def send_vote_messages(vote_id: int) -> int:
    """On commit of a vote opening or closing: email its panel."""
    return vote_messages_send(vote_id=vote_id)


@shared_task(name="categorisation.send_vote_reminders")
def send_vote_reminders() -> int:
    """Daily: the day before a vote closes, remind the members yet to vote; send anything still waiting."""
    vote_reminders_queue()
    return vote_messages_send()
