"""The ladder as data: levels per dimension, their characteristics, and the moves allowed between them.

A trust's model (the seed trust's Universal .. Deficient, or another trust's Stabilise .. Sustain) is rows,
loaded from a ladder file (`categorisation/ladders/*.json`) and edited in the admin.
"""

from django.db import models
from django.db.models import Q


class Dimension(models.TextChoices):
    EDUCATION = "education", "Education"
    FINANCE = "finance", "Finance"
    SITE = "site_hs", "Site & H&S"


class Colour(models.TextChoices):
    """Palette keys; rendered as the CSS class `tag--<colour>`, never as an inline style."""

    GREEN = "green", "Green"
    YELLOW = "yellow", "Yellow"
    ORANGE = "orange", "Orange"
    RED = "red", "Red"
    PURPLE = "purple", "Purple"
    GREY = "grey", "Grey"


class Route(models.TextChoices):
    """Who decides a move. The allowed moves (`AllowedMove`) name the route each needs."""

    CEO = "ceo", "The CEO's decision"
    CEO_OR_CFO = "ceo_or_cfo", "The CEO's or CFO's decision"
    PANEL_VOTE = "panel_vote", "A panel vote"
    BOARD_VOTE = "board_vote", "A full Trust Board vote"


class Record(models.TextChoices):
    """The intervention record a level brings: the trust's rules tie each record to one level.

    The ladder's last level (the worst) brings the re-brokerage log; it needs no value here.
    """

    NONE = "", "None"
    PLAN = "plan", "A plan (REP or Finance REP)"
    NOTICE = "notice", "A warning notice"
    TAKEOVER = "takeover", "The trust takes over (Improvement Board)"


class LadderQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Ladder(models.Model):
    name = models.CharField(max_length=200, unique=True)
    is_active = models.BooleanField(
        default=False, help_text="The ladder the portal uses now. Only one ladder can be active."
    )
    description = models.TextField(blank=True)

    objects = LadderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="one_active_ladder"
            ),
        ]

    def __str__(self):
        return self.name


class LevelQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ladder__is_active=True)


class Level(models.Model):
    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="levels")
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    position = models.PositiveSmallIntegerField(help_text="1 is the best level.")
    code = models.SlugField(max_length=40, help_text='Stable code, e.g. "concerning".')
    name = models.CharField(max_length=100, help_text='e.g. "Concerning".')
    label = models.CharField(max_length=200, help_text='e.g. "Rapid Enhancement Plan (REP)".')
    colour = models.CharField(max_length=10, choices=Colour.choices, default=Colour.GREY)
    description = models.TextField(blank=True)
    actions = models.TextField(blank=True, help_text="What this level brings, one action a line.")
    record = models.CharField(
        max_length=10,
        choices=Record.choices,
        blank=True,
        default=Record.NONE,
        help_text="The intervention record a school at this level must have.",
    )

    objects = LevelQuerySet.as_manager()

    class Meta:
        ordering = ["ladder", "dimension", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["ladder", "dimension", "position"], name="one_level_per_position"
            ),
            models.UniqueConstraint(fields=["ladder", "dimension", "code"], name="one_level_per_code"),
            models.UniqueConstraint(
                fields=["ladder", "dimension", "record"],
                condition=~Q(record=""),
                name="one_level_per_record",
            ),
        ]

    def __str__(self):
        return f"{self.get_dimension_display()}: {self.name}"

    @property
    def tag_class(self):
        return f"tag--{self.colour}"


class Characteristic(models.Model):
    level = models.ForeignKey(Level, on_delete=models.CASCADE, related_name="characteristics")
    code = models.CharField(
        max_length=60, help_text='Stable code other apps use, e.g. "fin.reserves_below_floor".'
    )
    text = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["level", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["level", "code"], name="one_characteristic_per_code"),
        ]

    def __str__(self):
        return self.text


class AllowedMove(models.Model):
    """One allowed move between two levels of a dimension and the route it needs.

    The one table of who may move a school where: any move not listed is refused (a school's first
    placement, at any level by the CEO, and staying at a level need no row).
    """

    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="moves")
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    from_level = models.ForeignKey(Level, on_delete=models.CASCADE, related_name="moves_out")
    to_level = models.ForeignKey(Level, on_delete=models.CASCADE, related_name="moves_in")
    route = models.CharField(max_length=20, choices=Route.choices)

    class Meta:
        ordering = ["ladder", "dimension", "from_level__position", "to_level__position"]
        constraints = [
            models.UniqueConstraint(fields=["from_level", "to_level"], name="one_route_per_move"),
        ]

    def __str__(self):
        return f"{self.from_level} -> {self.to_level.name}: {self.get_route_display()}"
