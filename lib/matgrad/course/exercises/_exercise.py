"""Exercises: how their instances are drawn, and how an answer is judged. Three kinds:

* :class:`ShapeExercise` -- the answer is a shape tuple; its mistakes are other shapes.
* :class:`ArrayExercise` -- the answer is an array or a number. The solution is a
  computation of named steps (:mod:`._steps`); the mistakes are the catalogue's
  transforms of it, alone and in pairs; any other wrong answer is described by
  its structure (:mod:`._diagnose`).
* :class:`FunctionExercise` -- the answer is a function, called on several
  cases; a mismatch is traced to the value returned and the case (one sample or a
  batch), and an error is explained in shapes.

``draw(rng)`` makes the given values: ``rng=None`` gives the instance shown in
the notebook, a numpy ``Generator`` a fresh one (for a function exercise: a
list of cases, the first being the example shown). A fresh instance is drawn
again until the solution and every mistake that fits it are clearly different
from each other (a zero weight that removes a path, or a symmetric matrix that
makes a transpose right, is drawn again). An instance never changes, so each
is built once and kept.

Every text a student reads comes from :mod:`._messages`.
"""

import contextlib
import io
import time
from collections.abc import Mapping
from itertools import combinations, permutations

import numpy as np

from matgrad import _validate
from matgrad.course.exercises import _diagnose, _functions
from matgrad.course.exercises._compare import MARGIN, adapt, as_array, as_shape, close, differs, fmt_array, fmt_shape, scale
from matgrad.course.exercises._feedback import Feedback
from matgrad.course.exercises._functions import Outcome
from matgrad.course.exercises._messages import TEXT, exercise_text, mistake_name, render, say
from matgrad.course.exercises._steps import DOES_NOT_FIT, combinable, discover, evaluate, slip_ids

MAX_DRAWS = 200
QUICK = 0.05  # seconds: a function this quick is also tried with its arguments in another order
KEPT_INSTANCES = 256  # per exercise; an instance takes a few kilobytes


class Given(Mapping):
    """The given values of one instance: read-only; ``given["W"]`` or ``given.W``."""

    __slots__ = ("_values",)

    def __init__(self, values):
        frozen = {k: _validate.read_only(v) if isinstance(v, (np.ndarray, list, tuple)) else v for k, v in values.items()}
        object.__setattr__(self, "_values", frozen)

    def __getitem__(self, key):
        return self._values[key]

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(say("error.no_given", name=repr(name), names=", ".join(self._values))) from None

    def __setattr__(self, name, value):
        raise AttributeError(say("error.given_read_only"))

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __repr__(self):
        inner = ", ".join(f"{k}={fmt_array(v) if isinstance(v, np.ndarray) else v!r}" for k, v in self.items())
        return f"Given({inner})"


class Instance:
    """One drawn instance: ``inputs`` (the values shown), ``cases`` (every call of a
    function exercise), ``solution``, and the mistakes that fit it."""

    def __init__(self, inputs, cases, solution, **parts):
        self.inputs, self.cases, self.solution = inputs, cases, solution
        self.__dict__.update(parts)


class Exercise:
    """What every kind shares; ``id`` is ``"NN.k"`` (notebook NN, exercise k).

    The texts (``title``, ``prompt``, ``hints``, ``formula``, ``note``) come from the
    message catalogue."""

    kind = None
    given_label = "given"  # what the cards call the given values: "given" or "example" (call)

    def __init__(self, id, draw):
        self.id, self.notebook, self._draw = id, id.split(".")[0], draw
        self._instances = {}

    def __repr__(self):
        return f"Exercise({self.id!r}, {self.title!r})"

    title = property(lambda self: exercise_text(self.id, "title"))
    prompt = property(lambda self: exercise_text(self.id, "prompt"))
    formula = property(lambda self: exercise_text(self.id, "formula"))
    note = property(lambda self: exercise_text(self.id, "note"))
    hints = property(lambda self: exercise_text(self.id, "hints"))

    # ------------------------------------------------------------ instances
    def instance(self, seed=None):
        """The instance for ``seed`` (``None``: the notebook's; a whole number: a fresh one,
        from ``numpy.random.default_rng(seed)``, no global random state)."""
        if seed is not None:
            seed = _validate.integer(seed, "seed", low=0)
        if seed not in self._instances:
            if len(self._instances) >= KEPT_INSTANCES:
                self._instances.clear()
            self._instances[seed] = self._new_instance(seed)
        return self._instances[seed]

    def _new_instance(self, seed):
        rng = None if seed is None else np.random.default_rng(seed)
        for _ in range(1 if rng is None else MAX_DRAWS):
            instance = self._build(self._draw(rng))
            if instance is not None:
                return instance
        raise RuntimeError(f"exercise {self.id}: no instance with clearly different mistakes was drawn")

    def inputs(self, seed=None):
        """The given values of this instance (a read-only mapping of read-only arrays)."""
        return self.instance(seed).inputs

    @property
    def mistakes(self):
        """The ids of the mistakes recognised on the notebook's instance (each also in pairs)."""
        return self.instance(None).mistakes

    def solution(self, seed=None):
        """What a correct student passes to ``check``: a shape, an array, a number or a function."""
        return self._answer(self.instance(seed), None)

    def mistaken_answer(self, name, seed=None):
        """The answer of a student who makes the mistake ``name``: one of the mistakes that fit
        this instance (``instance(seed).mistakes``; the notebook's are :attr:`mistakes`)."""
        instance = self.instance(seed)
        return self._answer(instance, _validate.one_of(name, "name", instance.mistakes))

    # ------------------------------------------------------------ feedback
    def check(self, answer, seed=None):
        """The :class:`Feedback` for ``answer`` (``...`` is "not answered yet")."""
        if answer is Ellipsis:
            return Feedback(self.id, False, None, say("check.not_answered"), answered=False)
        instance = self.instance(seed)
        with np.errstate(all="ignore"):  # an answer of 1e308 may overflow a comparison: no warning
            return self._judge(instance, answer)

    def _correct(self):
        return Feedback(self.id, True, None, self.formula)

    def _wrong(self, text, mistake=None):
        return Feedback(self.id, False, mistake, text, name=mistake_name(mistake))

    def expects(self, instance):
        """What kind of answer this exercise expects, in words (for the card)."""
        raise NotImplementedError

    def shown(self, value):
        """A solution or mistaken answer as text (for the solution card)."""
        raise NotImplementedError


# ====================================================================== shapes
class ShapeExercise(Exercise):
    """The answer is a shape; ``solve(g)`` gives it, ``mistakes[id](g)`` the shape of each mistake."""

    kind = "shape"

    def __init__(self, id, draw, solve, mistakes):
        super().__init__(id, draw)
        self._solve, self._mistakes = solve, dict(mistakes)

    def _build(self, drawn):
        g = Given(drawn)
        solution = tuple(self._solve(g))
        wrong = {name: tuple(shape(g)) for name, shape in self._mistakes.items()}
        answers = [solution, *wrong.values()]
        if len(set(answers)) != len(answers):
            return None
        return Instance(g, (g,), solution, wrong=wrong, mistakes=tuple(wrong))

    def _answer(self, instance, name):
        return instance.solution if name is None else instance.wrong[name]

    def _judge(self, instance, answer):
        given, problem = as_shape(answer)
        if problem:
            return self._wrong(render(*problem))
        if given == instance.solution:
            return self._correct()
        fields = {**instance.inputs, "given": fmt_shape(given)}
        for name, shape in instance.wrong.items():
            if given == shape:
                return self._wrong(say(f"{self.id}.{name}", **fields), name)
        if len(given) != len(instance.solution):
            return self._wrong(say("shape.sizes", count=len(given), note=self.note, **fields))
        return self._wrong(say("shape.other", note=self.note, **fields))

    def expects(self, instance):
        return say("expects.shape")

    def shown(self, value):
        return fmt_shape(value)


# ====================================================================== arrays
def _apart_from(known, candidates, unit):
    """The keys of ``candidates`` (in order) whose value is clearly different (see ``differs``)
    from every ``known`` value and every earlier kept candidate: one array operation per shape."""
    kept = set()
    for shape in {value.shape for value in candidates.values()}:
        size = int(np.prod(shape))
        keys = [key for key, value in candidates.items() if value.shape == shape]
        old = [value.ravel() for value in known if value.shape == shape]
        values = np.array(old + [candidates[key].ravel() for key in keys]).reshape(-1, size)
        scales = np.max(np.abs(values), axis=1)
        gaps = np.max(np.abs(values[:, None, :] - values[None, :, :]), axis=2)
        apart = gaps > MARGIN * np.maximum(np.maximum(scales[:, None], scales[None, :]), unit)
        chosen = list(range(len(old)))
        for index in range(len(old), len(values)):
            if apart[index, chosen].all():
                chosen.append(index)
                kept.add(keys[index - len(old)])
    return [key for key in candidates if key in kept]


class ArrayExercise(Exercise):
    """The answer is an array or a number: ``compute(g, at)`` is the solution as named steps.

    ``factors(g)`` names the instance's numbers a constant ratio may be made of
    (``{"N": 4}``: "4 times too small" is read as a mean where a sum belongs)."""

    kind = "array"

    def __init__(self, id, draw, compute, factors=None):
        super().__init__(id, draw)
        self._compute, self._factors = compute, factors or (lambda g: {})

    def _build(self, drawn):
        g = Given(drawn)
        solution, sites, results = discover(self._compute, g)
        solution = np.asarray(solution, dtype=np.float64)
        if not (np.all(np.isfinite(solution)) and scale(solution) > 0):
            return None
        singles = {}
        for site in sites:
            try:
                value = np.asarray(evaluate(self._compute, g, frozenset([site.slip])), dtype=np.float64)
            except DOES_NOT_FIT:
                continue
            if np.all(np.isfinite(value)):
                singles[site.slip] = value
        answers, unit = [solution, *singles.values()], scale(solution)
        if not all(differs(a, b, unit) for i, a in enumerate(answers) for b in answers[i + 1:]):
            return None
        ids = slip_ids(sites)
        return Instance(
            g, (g,), solution, sites={site.slip: site for site in sites}, singles=singles, ids=ids,
            mistakes=tuple(ids[slip] for slip in singles), result=results[-1], pairs=None,
        )  # fmt: skip

    def _answer(self, instance, name):
        value = instance.solution if name is None else instance.singles[_slip(instance, name)]
        return float(value) if value.ndim == 0 else np.array(value)

    def pairs(self, instance):
        """Every pair of mistakes that fit, computed once per instance. A pair that is not
        clearly different from the solution, a single mistake or an earlier pair is left out:
        every answer the checker names is named for one reason."""
        if instance.pairs is None:
            found = {}
            for a, b in filter(lambda pair: combinable(*pair), combinations(instance.singles, 2)):
                try:
                    value = np.asarray(evaluate(self._compute, instance.inputs, frozenset((a, b))), dtype=np.float64)
                except DOES_NOT_FIT:
                    continue
                if np.all(np.isfinite(value)):
                    found[(a, b)] = value
            known = [instance.solution, *instance.singles.values()]
            instance.pairs = {pair: found[pair] for pair in _apart_from(known, found, scale(instance.solution))}
        return instance.pairs

    def _judge(self, instance, answer):
        raw, problem = as_array(answer, None)
        expected = instance.solution
        if problem:
            return self._wrong(f"{render(*problem)} {say('expects.in_words', expects=self.expects(instance))}")
        given = adapt(raw, expected.shape)
        if not np.all(np.isfinite(raw)):
            return self._wrong(say("structure.not_finite", count=int(np.sum(~np.isfinite(raw))), n=raw.size), "not_finite")
        if close(given, expected):
            return self._correct()
        for slips, value in self._candidates(instance):
            if close(adapt(raw, value.shape), value):
                return self._named(instance, slips)
        found = self._with_a_transpose(instance, raw)
        if found:
            return found
        quantity, like = instance.result
        context = _diagnose.Context(quantity, like, dict(instance.inputs), self._factors(instance.inputs))
        finding = _diagnose.array(raw, expected, context)
        return self._wrong(render(finding.key, finding.fields), finding.mistake)

    def _candidates(self, instance):
        for slip, value in instance.singles.items():
            yield (slip,), value
        yield from self.pairs(instance).items()

    def _with_a_transpose(self, instance, raw):
        """A single mistake whose result the student also transposed (when no step offers it)."""
        if raw.ndim != 2:
            return None
        for slip, value in instance.singles.items():
            if value.ndim == 2 and close(raw.T, value) and not close(raw, value):
                text = say("mistake.two", first=self._explain(instance, slip), second=say("structure.also_transposed"))
                return self._wrong(text, f"{instance.ids[slip]}+transposed")
        return None

    def _explain(self, instance, slip):
        site = instance.sites[slip]
        return _explain(self.id, instance.ids[slip], site, self._factors(instance.inputs))

    def _named(self, instance, slips):
        texts = [self._explain(instance, slip) for slip in slips]
        text = texts[0] if len(texts) == 1 else say("mistake.two", first=texts[0], second=texts[1])
        return self._wrong(text, "+".join(instance.ids[slip] for slip in slips))

    def expects(self, instance):
        shape = instance.solution.shape
        if len(shape) == 0:
            return say("expects.number")
        if len(shape) == 1:
            return say("expects.vector", n=shape[0])
        return say("expects.array", shape=fmt_shape(shape))

    def shown(self, value):
        return fmt_array(value)


def _slip(instance, name):
    return next(slip for slip, id in instance.ids.items() if id == name)


def _explain(exercise_id, mistake_id, site, factors):
    """A mistake's message: the exercise's own words for it if the catalogue has them, else the
    catalogue's words for the transform, filled in with the step's names."""
    fields = {**factors, **site.fields}
    specific = f"{exercise_id}.{mistake_id}"
    return say(specific if specific in TEXT else site.key, **fields)


# ====================================================================== functions
class FunctionExercise(Exercise):
    """The answer is a function, called on every case of the instance.

    ``compute(g, at)`` returns the tuple of values the function returns (named by
    ``returns``); ``source`` is the reference function a student is shown; ``batch``
    names the argument that holds one sample per row (``None``: no batch)."""

    kind = "function"
    given_label = "example"

    def __init__(self, id, draw, compute, source, returns, batch=None):
        super().__init__(id, draw)
        self._compute, self.returns, self.batch = compute, tuple(returns), batch
        self.source = source
        self._reference = _functions.compile_function(source)

    def _factors(self, case):
        if self.batch and np.ndim(case[self.batch]) == 2:
            return {"N": len(case[self.batch])}
        return {}

    def _build(self, drawn):
        cases = tuple(Given(case) for case in drawn)
        solution, sites, results = [], [], None
        for case in cases:
            value, found, named = discover(self._compute, case)
            solution.append(tuple(np.asarray(v, dtype=np.float64) for v in value))
            sites.append({site.slip: site for site in found})
            results = results or named
        solution = tuple(solution)
        singles = {}
        for slip in sites[0]:
            outcome = tuple(self._evaluate(case, frozenset([slip])) for case in cases)
            if any(o is not None for o in outcome):
                singles[slip] = outcome
        answers = [solution, *singles.values()]
        if not all(_outcomes_differ(a, b, solution) for i, a in enumerate(answers) for b in answers[i + 1:]):
            return None
        ids = slip_ids(sites[0].values())
        return Instance(
            cases[0], cases, solution, sites=sites, singles=singles, ids=ids,
            mistakes=tuple(ids[slip] for slip in singles), results=results, pairs={},
        )  # fmt: skip

    def _evaluate(self, case, slips):
        """The values returned with ``slips`` switched on, or ``None`` if they do not fit the case."""
        try:
            values = tuple(np.asarray(v, dtype=np.float64) for v in evaluate(self._compute, case, slips))
        except DOES_NOT_FIT:
            return None
        return values if all(np.all(np.isfinite(v)) for v in values) else None

    def _answer(self, instance, name):
        if name is None:
            return self._reference
        slips = frozenset([_slip(instance, name)])
        names = tuple(instance.inputs)
        compute = self._compute

        def mistaken(*args):
            values = evaluate(compute, Given(dict(zip(names, args))), slips)
            return values if len(values) > 1 else values[0]

        return mistaken

    def _outcome(self, instance, slips, index):
        """The values of a candidate (a tuple of slips) on case ``index`` (``None``: it does not fit)."""
        if len(slips) == 1:
            return instance.singles[slips[0]][index]
        key = (slips, index)
        if key not in instance.pairs:
            instance.pairs[key] = self._evaluate(instance.cases[index], frozenset(slips))
        return instance.pairs[key]

    def _candidates(self, instance):
        """Every single mistake, then every pair, as a tuple of slips."""
        for slip in instance.singles:
            yield (slip,)
        yield from filter(lambda pair: combinable(*pair), combinations(instance.singles, 2))

    def _judge(self, instance, answer):
        if not callable(answer) or isinstance(answer, type):
            return self._wrong(say("function.not_a_function", call=self._signature(instance), returns=", ".join(self.returns)))
        n = len(self.returns)
        outcomes, start = [], time.perf_counter()
        for case in instance.cases:
            outcome = _functions.run(answer, tuple(case.values()), n, seconds=_functions.TIME_LIMIT)
            if outcome.slow:  # do not wait again for every other case
                return self._wrong(say("function.slow", call=self._call(case), **outcome.fields))
            outcomes.append(outcome)
        quick = time.perf_counter() - start < QUICK
        if all(_agrees(o, r) for o, r in zip(outcomes, instance.solution)):
            return self._correct()
        if self._returns_reordered(instance, outcomes):
            return self._wrong(say("function.return_order", returns=", ".join(self.returns)), "return_order")
        for slips in self._candidates(instance):
            if self._explains(instance, slips, outcomes, range(n)):
                return self._wrong(self._explain(instance, slips), "+".join(instance.ids[s] for s in slips))
        if quick and self._arguments_reordered(instance, answer):
            return self._wrong(say("function.argument_order", signature=self._signature(instance)), "argument_order")
        if len(outcomes) > 2 and _agrees(outcomes[0], instance.solution[0]):
            if not any(_agrees(o, r) for o, r in zip(outcomes[1:], instance.solution[1:])):
                call = self._call(instance.cases[1])
                return self._wrong(say("function.right_for_example_only", call=call), "right_for_example_only")
        if any(o.problem for o in outcomes):
            return self._problem(instance, outcomes)
        return self._per_value(instance, outcomes)

    def _explains(self, instance, slips, outcomes, outputs):
        """The candidate gives what the student's function gave, for these outputs, on every case
        (a raised error where the candidate does not fit), and fits at least one case."""
        fits = False
        for index, student in enumerate(outcomes):
            candidate = self._outcome(instance, slips, index)
            if candidate is None:
                if student.problem != "run.raised":
                    return False
                continue
            if student.values is None:
                return False
            for o in outputs:
                if not close(adapt(student.values[o], candidate[o].shape), candidate[o]):
                    return False
            fits = True
        return fits

    def _explain(self, instance, slips):
        """The candidate's message, with the fields of the first case where it shows."""
        texts = []
        for slip in slips:
            shows = [i for i, values in enumerate(instance.singles[slip])
                     if values is None or _outcomes_differ((values,), (instance.solution[i],))]  # fmt: skip
            sites = [(i, instance.sites[i][slip]) for i in shows if slip in instance.sites[i]] or [(0, instance.sites[0][slip])]
            index, site = next((pair for pair in sites if pair[1].fields.get("N", 2) > 1), sites[0])  # a batch, if any
            texts.append(_explain(self.id, instance.ids[slip], site, self._factors(instance.cases[index])))
        return texts[0] if len(texts) == 1 else say("mistake.two", first=texts[0], second=texts[1])

    # ------------------------------------------------------------ what else went wrong
    def _returns_reordered(self, instance, outcomes):
        """The function returns the right values, in another order."""
        n = len(self.returns)
        if n < 2 or not all(o.values is not None and len(o.values) == n for o in outcomes):
            return False
        return any(
            all(_agrees(Outcome(values=tuple(o.values[k] for k in order)), r) for o, r in zip(outcomes, instance.solution))
            for order in permutations(range(n)) if order != tuple(range(n))
        )  # fmt: skip

    def _arguments_reordered(self, instance, answer):
        """The function is right when its arguments are passed in another order."""
        arguments, n = len(instance.inputs), len(self.returns)
        if not 1 < arguments <= 4:
            return False
        for order in permutations(range(arguments)):
            if order == tuple(range(arguments)):
                continue
            swapped = (lambda *args, order=order: answer(*(args[order.index(k)] for k in range(arguments))))
            with contextlib.redirect_stdout(io.StringIO()):  # a student's prints are shown once, not per try
                results = [_functions.run(swapped, tuple(c.values()), n, seconds=_functions.TIME_LIMIT) for c in instance.cases]
            if all(_agrees(o, r) for o, r in zip(results, instance.solution)):
                return True
        return False

    def _problem(self, instance, outcomes):
        """A call that raised, returned None, the wrong number of values or no numbers."""
        index, outcome = next((i, o) for i, o in enumerate(outcomes) if o.problem)
        call = self._call(instance.cases[index])
        if outcome.problem != "run.raised":
            problem = render(outcome.problem, outcome.fields)
            mistake = {"run.none": "returned_none", "run.not_numbers": "not_numbers"}.get(outcome.problem, "wrong_count")
            return self._wrong(say("function.problem", call=call, problem=problem, returns=", ".join(self.returns)), mistake)
        key, fields = _diagnose.error(outcome.fields)
        where = "function.raised" if outcome.fields["line"] else "function.raised_somewhere"
        text = say(where, call=call, explanation=render(key, fields), **outcome.fields)
        if self.batch:
            one = [i for i, case in enumerate(instance.cases) if self._one_sample(case)]
            raised = [i for i, o in enumerate(outcomes) if o.problem]
            if one and not set(one) & set(raised):
                return self._wrong(f"{text} {say('function.fails_for_batch')}", "fails_for_batch")
        mistake = "arguments" if key in ("error.arguments", "error.missing_argument") else "raised_error"
        return self._wrong(text, mistake)

    def _one_sample(self, case):
        value = case[self.batch]
        return np.ndim(value) == 1 or len(value) == 1

    def _per_value(self, instance, outcomes):
        """Every returned value that is wrong, each with what explains it."""
        texts, mistakes = [], []
        for o, name in enumerate(self.returns):
            wrong = [i for i, (s, r) in enumerate(zip(outcomes, instance.solution))
                     if not close(adapt(s.values[o], r[o].shape), r[o])]  # fmt: skip
            if not wrong:
                continue
            text, mistake = self._explain_value(instance, outcomes, o, wrong)
            texts.append(say("function.value", name=name, text=text) if len(self.returns) > 1 else text)
            mistakes.append(mistake)
        mistake = "+".join(m for m in dict.fromkeys(mistakes) if m) or None
        return self._wrong(" ".join(texts), mistake)

    def _explain_value(self, instance, outcomes, o, wrong):
        """What explains the wrong value number ``o``: a mistake (alone or in a pair) that gives it on
        every case, else its structure."""
        for slips in self._candidates(instance):
            if self._explains(instance, slips, outcomes, (o,)) and any(
                values is not None and differs(values[o], instance.solution[i][o])
                for i, values in enumerate(self._outcome(instance, slips, i) for i in range(len(outcomes)))
            ):
                return self._explain(instance, slips), "+".join(instance.ids[s] for s in slips)
        call = self._call(instance.cases[wrong[0]])
        if not all(np.all(np.isfinite(outcomes[i].values[o])) for i in wrong):
            return say("function.not_finite", call=call), "not_finite"
        right = [i for i in range(len(outcomes)) if i not in wrong]
        if self.batch:
            one = [i for i, case in enumerate(instance.cases) if self._one_sample(case)]
            if one and set(one) <= set(right):
                return say("function.right_for_one_sample_only", call=call), "right_for_one_sample_only"
        findings = []
        for i in wrong:
            case, expected = instance.cases[i], instance.solution[i][o]
            like = instance.results[o][1] if o < len(instance.results) else None
            context = _diagnose.Context(self.returns[o], like, dict(case), self._factors(case))
            findings.append(_diagnose.array(outcomes[i].values[o], expected, context))
        first = findings[0]
        if right == [0] and len(outcomes) > 2 and first.mistake != "sign":
            return say("function.right_for_example_only", call=call), "right_for_example_only"
        mistake = first.mistake if all(f.mistake == first.mistake for f in findings) else None
        return say("function.wrong_value", call=call, text=render(first.key, first.fields)), mistake

    # ------------------------------------------------------------ texts
    def _signature(self, instance):
        return f"{self._reference.__name__}({', '.join(instance.inputs)})"

    def _call(self, case):
        shapes = ", ".join(
            say("function.argument", name=k, shape=fmt_shape(np.shape(v))) if isinstance(v, np.ndarray) else f"{k} = {v!r}"
            for k, v in case.items()
        )
        return f"{self._reference.__name__}({shapes})"

    def expects(self, instance):
        shapes = ", ".join(say("function.argument", name=name, shape=fmt_shape(v.shape))
                           for name, v in zip(self.returns, instance.solution[0]))  # fmt: skip
        return say("expects.function", signature=self._signature(instance), shapes=shapes, others=len(instance.cases) - 1)

    def shown(self, value):
        return self.source.rstrip() if value is self._reference else say("solution.no_source")


def _agrees(student, reference):
    """The student's outcome equals the reference values (a tuple of arrays)."""
    if student.values is None or len(student.values) != len(reference):
        return False
    return all(close(adapt(v, r.shape), r) for v, r in zip(student.values, reference))


def _outcomes_differ(a, b, solution=None):
    """Two tuples of per-case outcomes are clearly different on some case (relative to the
    scale of the ``solution``'s values, when given)."""
    for index, (x, y) in enumerate(zip(a, b)):
        if (x is None) != (y is None):
            return True
        units = [scale(v) for v in solution[index]] if solution else [0.0] * len(x or ())
        if x is not None and any(differs(u, v, unit) for u, v, unit in zip(x, y, units)):
            return True
    return False


class Catalogue(Mapping):
    """A read-only mapping id -> exercise, in notebook order."""

    __slots__ = ("_items",)

    def __init__(self, exercises):
        object.__setattr__(self, "_items", {ex.id: ex for ex in exercises})

    def __getitem__(self, exercise_id):
        try:
            return self._items[exercise_id]
        except (KeyError, TypeError):
            raise KeyError(say("error.no_exercise", id=repr(exercise_id), ids=", ".join(self._items))) from None

    def __setattr__(self, name, value):
        raise AttributeError(say("error.exercises_read_only"))

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"<{len(self)} exercises: {', '.join(self._items)}>"
