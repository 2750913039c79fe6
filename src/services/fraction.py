"""The Fraction every exact quantity is worked in: quicktions' compiled `fractions.Fraction`.

Same interface and the same numbers as the standard library's class, which is pure Python:
flattening, costing and planning make tens of thousands of them per screen, and the compiled
class does that work in two-thirds of the time (README, Performance). mypy reads the standard
library's type, since quicktions ships none.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fractions import Fraction
else:
    from quicktions import Fraction

__all__ = ["Fraction"]
