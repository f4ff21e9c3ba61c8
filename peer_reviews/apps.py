from django.apps import AppConfig


class PeerReviewsConfig(AppConfig):
    name = "peer_reviews"
    verbose_name = "Peer reviews"

    def ready(self):
        from categorisation.evidence import register

        from .evidence import peer_review_evidence

        register(peer_review_evidence)
