import logging

from celery import shared_task

from operations.sweeper import claims_sweep

logger = logging.getLogger(__name__)


@shared_task(name="operations.sweep_claims", ignore_result=True)
def sweep_claims() -> dict[str, int]:
    found = claims_sweep()
    if any(found.values()):
        logger.warning("Sweeper took back or re-queued work: %s", found)
    return found
