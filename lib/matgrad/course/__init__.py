"""The course material: what the notebooks teach from, as data and functions.

* :mod:`matgrad.course.homework` -- the worked homework's 1-2-2-1 network,
  its data, and its own chain-rule formulas;
* :mod:`matgrad.course.handwritten` -- every number its author wrote by hand;
* :mod:`matgrad.course.comparison` -- each handwritten number beside the
  exact value, with a verdict;
* :mod:`matgrad.course.exercises` -- the notebooks' exercises (imported on
  its own: ``from matgrad.course import exercises``).

The numeric core (:mod:`matgrad`) never imports this package.
"""

from matgrad.course import comparison, handwritten, homework

__all__ = ["comparison", "handwritten", "homework"]  # the modules; their names live in them
