# The categorisation tests' half-terms and panel, for the record's tests of votes and decisions.
from tests.categorisation.conftest import aut1, aut2, panel, poor_school  # noqa: F401
