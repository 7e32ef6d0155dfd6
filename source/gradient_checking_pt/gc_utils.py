"""Helpers for the Gradient Checking assignment.

Activations, and the conversions between the parameters of the notebook's
network (a dict of arrays) and one column vector ``theta`` that gradient
checking perturbs one entry at a time.

The vector layout
-----------------
``theta`` has shape (47, 1). It holds the blocks of :data:`LAYOUT`, in this
order, each flattened row by row (numpy's C order, ``array.reshape(-1, 1)``)::

    rows  0-19  W1 (5, 4)
    rows 20-24  b1 (5, 1)
    rows 25-39  W2 (3, 5)
    rows 40-42  b2 (3, 1)
    rows 43-45  W3 (1, 3)
    rows 46-46  b3 (1, 1)

The gradient vector of :func:`gradients_to_vector` has the same layout, with
``dW1`` where ``W1`` is and so on, so that entry ``i`` of the gradient is the
derivative of the cost with respect to entry ``i`` of ``theta``.
:func:`block_of` and :func:`block_slices` say which block an entry belongs to.

Nothing here prints. The errors raised on wrong input are written in the
language chosen with ``language.set_language``.
"""
import numpy as np

from language import text

#: The blocks of ``theta``, in order: (name, shape). 5*4 + 5 + 3*5 + 3 + 1*3 + 1 = 47 entries.
LAYOUT = (("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1)))


def sigmoid(x):
    """Logistic sigmoid, elementwise.

    Parameters
    ----------
    x : ndarray of any shape

    Returns
    -------
    s : ndarray of the same shape, ``1 / (1 + exp(-x))`` (no overflow warning for very negative x)
    """
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def relu(x):
    """Rectified linear unit, elementwise: ``max(0, x)``, same shape as ``x``."""
    return np.maximum(0, x)


def block_slices():
    """Where each block of :data:`LAYOUT` lies in ``theta``.

    Returns
    -------
    slices : dict, name -> ``slice`` of the rows of ``theta`` (e.g. ``"W2"`` -> ``slice(25, 40)``), in layout order
    """
    slices, start = {}, 0
    for name, shape in LAYOUT:
        size = int(np.prod(shape))
        slices[name] = slice(start, start + size)
        start += size
    return slices


def vector_size():
    """The number of entries of ``theta``: 47."""
    return sum(int(np.prod(shape)) for _, shape in LAYOUT)


def block_of(index):
    """The name of the block that row ``index`` of ``theta`` belongs to (``0 <= index < 47``).

    >>> block_of(0), block_of(25), block_of(46)
    ('W1', 'W2', 'b3')
    """
    index = int(index)
    for name, rows in block_slices().items():
        if rows.start <= index < rows.stop:
            return name
    raise IndexError(text(en=f"theta has {vector_size()} entries; there is no entry {index}",
                          pt=f"theta tem {vector_size()} elementos; não existe o elemento {index}"))


def _check_block(mapping, key, shape, what):
    if key not in mapping:
        raise KeyError(text(en=f"{what} has no key {key!r}", pt=f"{what} não tem a chave {key!r}"))
    value = np.asarray(mapping[key])
    if value.shape != shape:
        raise ValueError(text(en=f"{what}[{key!r}] has shape {value.shape}; expected {shape}",
                              pt=f"{what}[{key!r}] tem formato {value.shape}; o formato esperado é {shape}"))
    return value


def dictionary_to_vector(parameters):
    """Stack the parameters into one column vector, in the order of :data:`LAYOUT`.

    Parameters
    ----------
    parameters : dict with W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1);
        other keys are ignored

    Returns
    -------
    theta : ndarray of shape (47, 1), float, a new array (changing it leaves ``parameters`` unchanged)
    keys : list of 47 str, the block name of each row of ``theta`` (``keys[i] == block_of(i)``)

    Raises
    ------
    KeyError, ValueError
        if a block is missing or has the wrong shape.
    """
    columns, keys = [], []
    for name, shape in LAYOUT:
        block = _check_block(parameters, name, shape, "parameters")
        columns.append(np.array(block, dtype=float).reshape(-1, 1))
        keys += [name] * block.size
    return np.concatenate(columns, axis=0), keys


def vector_to_dictionary(theta):
    """Cut a column vector back into the parameters: the inverse of :func:`dictionary_to_vector`.

    Parameters
    ----------
    theta : ndarray of shape (47, 1) (a flat array of 47 entries is accepted too)

    Returns
    -------
    parameters : dict with W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1), in layout
        order; new arrays (changing them leaves ``theta`` unchanged)

    Raises
    ------
    ValueError
        if ``theta`` does not have 47 entries in one column.
    """
    theta = np.asarray(theta, dtype=float)
    if theta.shape not in ((vector_size(), 1), (vector_size(),)):
        raise ValueError(text(en=f"theta has shape {theta.shape}; expected ({vector_size()}, 1)",
                              pt=f"theta tem formato {theta.shape}; o formato esperado é ({vector_size()}, 1)"))
    flat = theta.reshape(-1)
    return {name: flat[rows].reshape(shape).copy() for (name, shape), rows in zip(LAYOUT, block_slices().values())}


def gradients_to_vector(gradients):
    """Stack the gradients dW1, db1, ..., db3 into one column vector, in the order of :data:`LAYOUT`.

    Parameters
    ----------
    gradients : dict with dW1 (5, 4), db1 (5, 1), dW2 (3, 5), db2 (3, 1), dW3 (1, 3), db3 (1, 1);
        other keys (dZ3, dA2, ...) are ignored

    Returns
    -------
    grad : ndarray of shape (47, 1), a new array; row ``i`` is the derivative with respect to row ``i``
        of ``theta``

    Raises
    ------
    KeyError, ValueError
        if a gradient is missing or has the wrong shape.
    """
    columns = [np.array(_check_block(gradients, "d" + name, shape, "gradients"), dtype=float).reshape(-1, 1)
               for name, shape in LAYOUT]
    return np.concatenate(columns, axis=0)


def block_differences(grad, gradapprox):
    """The relative difference of formula (3), block by block.

    Parameters
    ----------
    grad, gradapprox : ndarray of shape (47, 1), two gradients in the layout of ``theta``

    Returns
    -------
    differences : dict, name -> ``||grad - gradapprox|| / (||grad|| + ||gradapprox||)`` on that block
        (0.0 when both are zero there)
    """
    grad, gradapprox = np.asarray(grad, float).reshape(-1), np.asarray(gradapprox, float).reshape(-1)
    differences = {}
    for name, rows in block_slices().items():
        g, a = grad[rows], gradapprox[rows]
        denominator = np.linalg.norm(g) + np.linalg.norm(a)
        differences[name] = float(np.linalg.norm(g - a) / denominator) if denominator > 0 else 0.0
    return differences
