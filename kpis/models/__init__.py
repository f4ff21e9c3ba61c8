from .imports import ImportKind, ImportStatus, KpiImport
from .results import Comparator, KpiResult

__all__ = ["Comparator", "ImportKind", "ImportStatus", "KpiImport", "KpiResult"]
