"""The widgets the notebooks display, in one place.

* :class:`DerivationStepper` (with :func:`step` and its static twin
  :func:`show_derivation`): reveal a derivation one line at a time.
* :class:`HomeworkExplorer` (static twins :func:`readout` and
  :func:`details`): a slider for every parameter of the worked homework's
  network, with a live readout of the loss and all gradients.

Every widget has a plain function beside it that prints what the widget
shows in its default state, so a notebook reads correctly without a kernel.

>>> sorted(__all__)
['DerivationStepper', 'HomeworkExplorer', 'details', 'readout', 'show_derivation', 'step']
"""

from matgrad.explorer import HomeworkExplorer, details, readout
from matgrad.stepper import DerivationStepper, show_derivation, step

__all__ = ["DerivationStepper", "HomeworkExplorer", "details", "readout", "show_derivation", "step"]
