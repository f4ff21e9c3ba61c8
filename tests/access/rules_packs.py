"""Who may use each pack page. The CEO (and the governance professional) make packs; the board's pack is
read by trustees and the committee chairs, a committee's pack by trustees and that committee's chair.
School roles get 403 (the pages are trust-wide); trust-wide people who do not read a pack get 404.
Only its makers try a failed pack again."""

from tests.access import Rule, statuses
from tests.packs import scenario

MAKERS = {"ceo": 200, "governance_professional": 200}
READERS_ONLY = statuses(default=403, trustee=200, **MAKERS)
PACK_READERS = statuses(default=403, trustee=200, cfo=404, compliance_manager=404, **MAKERS)


def pk(make):
    return lambda world: {"pk": make(world).pk}


RULES = [
    Rule("packs:list", READERS_ONLY),
    Rule("packs:new", statuses(default=403, **MAKERS)),
    Rule("packs:detail", PACK_READERS, kwargs=pk(scenario.board_pack)),
    Rule("packs:detail", PACK_READERS, kwargs=pk(scenario.es_pack)),
    Rule("packs:detail", PACK_READERS, kwargs=pk(scenario.fr_pack)),
    Rule("packs:pdf", PACK_READERS, kwargs=pk(scenario.ready_board_pack)),
    # Readers who do not make packs may not try one again (403); people who do not read it never see it.
    Rule(
        "packs:retry",
        statuses(default=403, cfo=404, compliance_manager=404, ceo=302, governance_professional=302),
        kwargs=pk(scenario.failed_board_pack),
        method="post",
    ),
]
