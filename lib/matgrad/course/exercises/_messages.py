"""Every sentence a student reads, in one catalogue: the exercises' texts, the
checker's feedback, the cards. A later edition translates this module (e.g.
into gettext ``.po`` catalogues: the key is the message id, the English the
``msgid``); nothing else in the package holds student-facing words.

Messages are formatted with named fields (``{quantity}``, ``{N}``, ...), which
hold notation (``dL/dW``, ``W^T``), shapes and counts -- never a correct
value of an answer. Mistake ids (``"mean_instead_of_sum"``) are data for
tests; :data:`NAMES` gives each one in a student's words.

>>> say("mistake.first_sample_only", quantity="dL/dW", N=4)
'You used only the first sample. Every sample adds its own term to dL/dW: all N = 4 of them.'
>>> mistake_name("missing_activation_derivative+sign")
"a missing σ'(z) factor and a flipped sign"
"""

# ---------------------------------------------------------------------- the exercises
EXERCISES = {
    "01.1": {
        "title": "The shape of the Jacobian",
        "prompt": (
            "A Linear layer in the column convention, $y = Wx$, takes an input column $x$ with $n$ entries "
            "and gives an output column $y$ with $m$ entries. What is the shape of the Jacobian "
            "$\\partial y/\\partial x$ (numerator layout, as in this course)? Give a tuple such as `(4, 5)`."
        ),
        "formula": "dy/dx has one row per output y_i and one column per input x_j: shape (m, n), the shape of W.",
        "note": "A Jacobian has one row per output entry and one column per input entry.",
        "hints": (
            "Count the partial derivatives dy_i/dx_j: there are m times n of them. The numerator y decides the number of rows.",
            "Row i holds the derivatives of y_i by x_1, ..., x_n. So there are m rows and n columns.",
        ),
    },
    "01.2": {
        "title": "dL/dx for given numbers",
        "prompt": (
            "Column convention: $y = Wx$. The layer above sends back the gradient $\\partial L/\\partial y$. "
            "Compute $\\partial L/\\partial x$ for the given $W$, $x$ and $\\partial L/\\partial y$: "
            "one number per input $x_j$."
        ),
        "formula": "dL/dx = W^T dL/dy: entry j is sum_i w_ij dL/dy_i.",
        "hints": (
            "dL/dx_j = sum_i (dL/dy_i)(dy_i/dx_j), and dy_i/dx_j = w_ij.",
            "Put these sums together for j = 1, ..., n: that is W^T dL/dy (numpy: `W.T @ dL_dy`).",
        ),
    },
    "01.3": {
        "title": "The backward pass as a function",
        "prompt": (
            "Write the backward pass of the layer $y = Wx$ (column convention, vectors as 1-D numpy arrays) as a "
            "function `backward(x, W, dL_dy)` that returns $\\partial L/\\partial x$. "
            "The checker calls it on several layers, square and not square."
        ),
        "formula": "dL/dx = W^T dL/dy (x itself is not needed: the Jacobian of y = Wx is W for every x).",
        "hints": (
            "dL/dx has the shape of x. Which product of W (or W^T) and dL_dy has that shape?",
            "Return `W.T @ dL_dy`. The input x is not needed.",
        ),
    },
    "02.1": {
        "title": "dL/dW for given numbers",
        "prompt": (
            "Column convention: $y = Wx + b$. Compute the weight gradient $\\partial L/\\partial W$ for the given "
            "$W$, $x$ and upstream gradient $\\partial L/\\partial y$. It has one entry per weight."
        ),
        "formula": "dL/dW = dL/dy x^T, an outer product with the shape of W: entry (i, j) is dL/dy_i x_j.",
        "hints": (
            "Write y_i = sum_j w_ij x_j + b_i and differentiate by one weight w_ij. Only the output y_i contains it.",
            "Entry (i, j) is dL/dy_i times x_j: a column times a row, `np.outer(dL_dy, x)`.",
        ),
    },
    "02.2": {
        "title": "The bias gradient of a batch",
        "prompt": (
            "A batch of $N$ samples goes through the same layer $y = Wx + b$. Row $s$ of `dL_dY` is the "
            "upstream gradient $\\partial L/\\partial y$ of sample $s$ (the loss adds up the samples' losses). "
            "Compute $\\partial L/\\partial b$. It has the shape of $b$."
        ),
        "formula": "dL/db = sum over the samples of dL/dy_s (numpy: `dL_dY.sum(axis=0)`).",
        "hints": (
            "For one sample, dL/db = dL/dy: the upstream gradient passes through unchanged.",
            "b is used by every sample, so add the N rows of dL_dY together: `dL_dY.sum(axis=0)`.",
        ),
    },
    "02.3": {
        "title": "dL/dW for a batch",
        "prompt": (
            "The same layer $y = Wx + b$ (column convention, $W$ has one row per output) sees a batch. Row $s$ of "
            "`X` is the input $x_s^T$ of sample $s$, and row $s$ of `dL_dY` is its upstream gradient "
            "$(\\partial L/\\partial y_s)^T$. The loss adds up the samples' losses. Compute $\\partial L/\\partial W$."
        ),
        "formula": "dL/dW = sum_s dL/dy_s x_s^T = dL_dY^T X, shape (outputs, inputs) like W.",
        "hints": (
            "Each sample s adds its own outer product dL/dy_s x_s^T, with the shape of W.",
            "A sum of outer products is a matrix product over the sample index: `dL_dY.T @ X`.",
        ),
    },
    "02.4": {
        "title": "The full backward pass as a function",
        "prompt": (
            "Write the whole backward pass of $y = Wx + b$ (column convention, vectors as 1-D numpy arrays): a function "
            "`backward(x, W, b, dL_dy)` that returns the three gradients `(dL_dx, dL_dW, dL_db)`, each with the shape "
            "of its variable."
        ),
        "formula": "dL/dx = W^T dL/dy, dL/dW = dL/dy x^T, dL/db = dL/dy.",
        "hints": (
            "Notebook 01 gives dL_dx. For dL_dW, differentiate y_i by w_ij; for dL_db, differentiate y_i by b_i.",
            "dL_dx = W.T @ dL_dy, dL_dW = np.outer(dL_dy, x), dL_db = dL_dy. b itself appears in none of them.",
        ),
    },
    "03.1": {
        "title": "The shape of dY/dvec(W)",
        "prompt": (
            "Row convention: $Y = XW + b$ with $X$ a $1\\times n$ row and $W$ of shape $n\\times m$. Flatten $W$ row by "
            "row into $\\mathrm{vec}(W)$, a list of all its weights. What is the shape of the Jacobian "
            "$\\partial Y/\\partial\\,\\mathrm{vec}(W)$?"
        ),
        "formula": "dY/dvec(W) has one row per output (m) and one column per weight (n m): shape (m, n m).",
        "note": "Count one row per output y_k and one column per weight w_ij.",
        "hints": (
            "How many outputs does Y have, and how many weights does W have?",
            "One row per output y_k (m rows) and one column per weight (n times m columns).",
        ),
    },
    "03.2": {
        "title": "The Kronecker Jacobian with numbers",
        "prompt": (
            "Row convention: $Y = XW + b$ with the given row $X$ and weights $W$. Write down the Jacobian "
            "$\\partial Y/\\partial\\,\\mathrm{vec}(W)$, with $W$ flattened row by row: "
            "$\\mathrm{vec}(W) = (w_{11}, w_{12}, \\dots, w_{1m}, w_{21}, \\dots)$."
        ),
        "formula": "dY/dvec(W) = X kron I_m (numpy: `np.kron(X, np.eye(m))`): block i is x_i times the identity.",
        "hints": (
            "y_k = sum_i x_i w_ik + b_k depends on only n weights: w_1k, ..., w_nk, each with coefficient x_i.",
            "In row k, the column of w_ik (number i m + k, counting from 0) holds x_i. This is `np.kron(X, np.eye(m))`.",
        ),
    },
    "03.3": {
        "title": "dL/dW in the row convention",
        "prompt": (
            "Row convention: $Y = XW + b$, with the given row $X$ ($1\\times n$), $W$ ($n\\times m$) and upstream gradient "
            "$\\partial L/\\partial Y$ ($1\\times m$). Compute $\\partial L/\\partial W$, in the shape of $W$."
        ),
        "formula": "dL/dW = X^T dL/dY, an outer product with the shape of W: entry (i, k) is x_i dL/dy_k.",
        "hints": (
            "The weight w_ik affects only y_k, with coefficient x_i. So dL/dw_ik = x_i dL/dy_k.",
            "That is the column X^T (n x 1) times the row dL/dY (1 x m): `X.T @ dL_dY`.",
        ),
    },
    "03.4": {
        "title": "The row-convention backward pass for a batch",
        "prompt": (
            "Row convention, a batch of $N$ samples: `X` is $N\\times n$ (one sample per row), `W` is $n\\times m$, and "
            "`dL_dY` is $N\\times m$. The loss adds up the samples' losses. Write `backward(X, W, dL_dY)` that returns "
            "`(dL_dX, dL_dW)`, each with the shape of its variable."
        ),
        "formula": "dL/dX = dL/dY W^T (N x n) and dL/dW = X^T dL/dY (n x m), the sum of the samples' outer products.",
        "hints": (
            "Each sample (row) s adds x_s^T dL/dy_s to dL/dW; dL/dX has one row per sample, like X.",
            "dL_dX = dL_dY @ W.T and dL_dW = X.T @ dL_dY.",
        ),
    },
    "04.1": {
        "title": "The slope of the sigmoid",
        "prompt": (
            "The sigmoid is $\\sigma(z) = 1/(1 + e^{-z})$. Compute its derivative $\\sigma'(z)$ at each of the given "
            "points $z$ (one number per point)."
        ),
        "formula": "σ'(z) = σ(z)(1 - σ(z)), entry by entry; its largest value is σ'(0) = 1/4.",
        "hints": (
            "Notebook 04 proves σ'(z) = σ(z)(1 - σ(z)). Apply it to every entry on its own.",
            "At z = 0: σ = 1/2, so σ' = 1/2 times 1/2 = 1/4. Do the same at each point (`h = matgrad.sigmoid(z)`, then `h * (1 - h)`).",
        ),
    },
    "04.2": {
        "title": "The shape of dL/dZ for a batch",
        "prompt": (
            "A sigmoid layer gets a batch: the pre-activation $Z$ has shape $N\\times n_{out}$ ($N$ samples, one per "
            "row, $n_{out}$ units), and $H = \\sigma(Z)$ entry by entry. Backpropagation computes "
            "$\\partial L/\\partial Z = \\partial L/\\partial H \\odot \\sigma'(Z)$. What is the shape of "
            "$\\partial L/\\partial Z$?"
        ),
        "formula": "dL/dZ has the shape of Z, (N, n_out): one entry per entry of Z.",
        "note": "A gradient of the loss has the shape of its variable.",
        "hints": (
            "The loss L is a single number. The gradient of a number by a matrix has the shape of that matrix.",
            "The entry-by-entry product dL/dH * σ'(Z) keeps the shape of Z.",
        ),
    },
    "04.3": {
        "title": "Backward through a sigmoid",
        "prompt": (
            "A sigmoid layer computed $h = \\sigma(z)$ entry by entry (both are given). The layer above sends back "
            "$\\partial L/\\partial h$. Compute $\\partial L/\\partial z$."
        ),
        "formula": "dL/dz = dL/dh * σ'(z) = dL/dh * h(1 - h), entry by entry (the Jacobian diag(σ'(z)) is diagonal).",
        "hints": (
            "Each z_k changes only h_k, with slope σ'(z_k). So only one term of the chain rule survives.",
            "dL/dz_k = dL/dh_k * h_k (1 - h_k). In numpy: `dL_dh * h * (1 - h)`.",
        ),
    },
    "04.4": {
        "title": "The sigmoid's backward pass as a function",
        "prompt": (
            "Write `backward(z, dL_dh)` for a sigmoid layer $h = \\sigma(z)$: it returns $\\partial L/\\partial z$, with "
            "the shape of `z`. It must work for a 1-D `z` and for a batch (a 2-D `z`, one sample per row)."
        ),
        "formula": "dL/dz = dL/dh * σ(z)(1 - σ(z)), entry by entry, for any shape.",
        "hints": (
            "Compute h = σ(z) first (`matgrad.sigmoid(z)`). The slope at every entry is h(1 - h).",
            "`h = matgrad.sigmoid(z)`, then `return dL_dh * h * (1 - h)`. The product is entry by entry, for any shape.",
        ),
    },
    "05.1": {
        "title": "dL/dh for the half squared error",
        "prompt": (
            "The last layer's output is the row $h$ and the target is the row $y$. The loss is the half squared error "
            "$L = \\tfrac12\\sum_k (y_k - h_k)^2$. Compute $\\partial L/\\partial h$ (a row, like $h$). (In these "
            "exercises layer $i$ computes $z^i = h^{i-1}W^i$ and $h^i = \\sigma(z^i)$; the multilayer derivation writes "
            "$N_i$, $O_i$ and $t$ for $z^i$, $h^i$ and $y$, and $Loss$ for $L$.)"
        ),
        "formula": "dL/dh = h - y: the 1/2 cancels the 2 of the square, and the inner derivative of (y - h) is -1.",
        "hints": (
            "Differentiate one term 1/2 (y_k - h_k)^2 by h_k. Do not forget the inner derivative.",
            "The result is h_k - y_k for every k: `h - y`.",
        ),
    },
    "05.2": {
        "title": "dL/dW2 for the last layer",
        "prompt": (
            "The last layer of a network gets the row $h^1$ from the layer below and computes $z^2 = h^1W^2$, "
            "$h^2 = \\sigma(z^2)$. The loss is $L = \\tfrac12\\sum_k (y_k - h^2_k)^2$. Compute "
            "$\\partial L/\\partial W^2$ (in the shape of $W^2$)."
        ),
        "formula": "dL/dz2 = (h2 - y) * σ'(z2), and dL/dW2 = h1^T dL/dz2 (the derivation's 'trick').",
        "hints": (
            "Forward first: z2 = h1 W2 and h2 = σ(z2). Then dL/dz2 = (h2 - y) * σ'(z2).",
            "dL/dW2 = h1^T dL/dz2: a column (h1^T) times a row (dL/dz2). In numpy: `h1.T @ dL_dz2`.",
        ),
    },
    "05.3": {
        "title": "One layer down: dL/dz1",
        "prompt": (
            "Layer 2 computed $z^2 = h^1W^2$, and backpropagation already has $\\partial L/\\partial z^2$ (a row, "
            "`dL_dz2`). Layer 1 computed $h^1 = \\sigma(z^1)$ ($z^1$ and $h^1$ are given). Compute "
            "$\\partial L/\\partial z^1$."
        ),
        "formula": "dL/dz1 = (dL/dz2 W2^T) * σ'(z1): back through W2 (the factor W2^T), then through the sigmoid.",
        "hints": (
            "dL/dh1 = dL/dz2 dz2/dh1, and dz2/dh1 = W2^T. Then go through the sigmoid of layer 1.",
            "dL/dz1 = (dL_dz2 @ W2.T) * h1 * (1 - h1).",
        ),
    },
    "05.4": {
        "title": "The order of the Jacobians",
        "prompt": (
            "Layer 1 computes $h^1 = \\sigma(z^1)$ and layer 2 computes $z^2 = h^1W^2$ (row convention). Compute the "
            "Jacobian $\\partial z^2/\\partial z^1$ (one row per entry of $z^2$), as the chain-rule product of "
            "$\\partial z^2/\\partial h^1$ and $\\partial h^1/\\partial z^1$. Here both are square, so both orders "
            "of the product can be computed: only one is right."
        ),
        "formula": "dz2/dz1 = (dz2/dh1)(dh1/dz1) = W2^T diag(σ'(z1)): column j is scaled by σ'(z1_j).",
        "hints": (
            "dz2/dh1 = W2^T and dh1/dz1 = diag(σ'(z1)). Which one comes first in the chain rule?",
            "Write the later layer's factor on the left: `W2.T @ np.diag(h1[0] * (1 - h1[0]))`.",
        ),
    },
    "05.5": {
        "title": "One sigmoid layer's backward pass as a function",
        "prompt": (
            "Write `layer_backward(h_prev, W, dL_dh)` for one layer $z = h_{prev}W$, $h = \\sigma(z)$ (row convention, "
            "no bias; `h_prev` holds one sample per row). It gets $\\partial L/\\partial h$ and returns "
            "`(dL_dW, dL_dh_prev)`: the weight gradient, and the gradient to send to the layer below."
        ),
        "formula": "dL/dz = dL/dh * σ'(z); dL/dW = h_prev^T dL/dz; dL/dh_prev = dL/dz W^T.",
        "hints": (
            "Three steps: the forward values z = h_prev W and h = σ(z); dL/dz = dL/dh * σ'(z); then the two products.",
            "`h = matgrad.sigmoid(h_prev @ W)`, `dL_dz = dL_dh * h * (1 - h)`, then `return h_prev.T @ dL_dz, dL_dz @ W.T`.",
        ),
    },
    "06.1": {
        "title": "dL/dyhat for the mean squared error",
        "prompt": (
            "The homework's loss is the mean squared error over its $N = 3$ samples, "
            "$L = \\frac1N\\sum_k (\\hat y_k - y_k)^2$. Given the predictions $\\hat y$ and the targets $y$, compute "
            "$\\partial L/\\partial \\hat y$: one number per sample."
        ),
        "formula": "dL/dyhat_k = (2/N)(yhat_k - y_k), one entry per sample (N = 3).",
        "hints": (
            "Only the k-th term of the sum contains yhat_k. Differentiate (1/N)(yhat_k - y_k)^2.",
            "dL/dyhat_k = (2/3)(yhat_k - y_k). In numpy: `2 / 3 * (yhat - y)`.",
        ),
    },
    "06.2": {
        "title": "dL/dW3 of the output layer",
        "prompt": (
            "The output layer computes $\\hat Y = H^2W^3 + b^3$ (row convention; $H^2$ holds one sample per row, $W^3$ "
            "is $2\\times 1$). With the homework's mean squared error over the 3 samples, compute "
            "$\\partial L/\\partial W^3$ in the shape of $W^3$."
        ),
        "formula": "dL/dW3 = H2^T dL/dyhat with dL/dyhat = (2/3)(yhat - y): entry i is sum_k dL/dyhat_k h2_ik.",
        "hints": (
            "dL/dw3_i1 = sum over the 3 samples of dL/dyhat_k times h2_ik (the input of that weight).",
            "In matrix form: `H2.T @ (2 / 3 * (yhat - y))[:, None]`, shape (2, 1).",
        ),
    },
    "06.3": {
        "title": "dL/dW1: every path counts",
        "prompt": (
            "Layer 2 of the homework network computes $Z^2 = H^1W^2 + b^2$ from $H^1 = \\sigma(Z^1)$, and "
            "$Z^1 = XW^1 + b^1$ (one sample per row). Backpropagation already has `dL_dz2` $= \\partial L/\\partial Z^2$, "
            "one row per sample (its columns are the worked homework's vectors $B(h^2_1)$, $B(h^2_2)$). Compute "
            "$\\partial L/\\partial W^1$ (shape $1\\times 2$). Remember that $h^1_i$ feeds both units of layer 2."
        ),
        "formula": "dL/dZ1 = (dL/dZ2 W2^T) * H1 (1 - H1) sums the paths through h2_1 and h2_2; dL/dW1 = X^T dL/dZ1.",
        "hints": (
            "First dL/dZ1: back through W2 (the factor W2^T, which adds both paths), then through the sigmoid.",
            "`dL_dz1 = (dL_dz2 @ W2.T) * H1 * (1 - H1)`, then `X.T @ dL_dz1` sums the samples.",
        ),
    },
    "06.4": {
        "title": "One gradient-descent step",
        "prompt": (
            "Take one step of gradient descent for the output weights $W^3$ with the learning rate `lr`, "
            "given $W^3$ and its gradient $\\partial L/\\partial W^3$. Give the new $W^3$."
        ),
        "formula": "W3_new = W3 - lr dL/dW3: a step against the gradient, downhill.",
        "hints": (
            "Move every weight a little against its gradient.",
            "`W3 - lr * dL_dW3`.",
        ),
    },
    "06.5": {
        "title": "The output layer's backward pass as a function",
        "prompt": (
            "Write `output_backward(H2, yhat, y)` for the homework's output layer $\\hat Y = H^2W^3 + b^3$ (row convention, "
            "one sample per row: `H2` is $N\\times 2$, `yhat` and `y` are $N\\times 1$) with the mean squared error "
            "$L = \\frac1N\\sum_k(\\hat y_k - y_k)^2$. It returns `(dL_dW3, dL_db3)`, with the shapes (2, 1) and (1,). "
            "The checker also uses batches with other numbers of samples $N$."
        ),
        "formula": "dL/dyhat = (2/N)(yhat - y); dL/dW3 = H2^T dL/dyhat; dL/db3 = the sum of dL/dyhat over the samples.",
        "hints": (
            "Start with dL/dyhat = (2/N)(yhat - y), with N = len(y). The layer has no sigmoid, so no slope factor follows.",
            "`dL_dyhat = 2 / len(y) * (yhat - y)`, then `return H2.T @ dL_dyhat, dL_dyhat.sum(axis=0)`.",
        ),
    },
    "07.1": {
        "title": "A Linear layer's backward pass",
        "prompt": (
            "Row convention: a Linear layer computes $Z = XW + b$ for a batch `X` ($N\\times n_{in}$, one sample per row), "
            "`W` ($n_{in}\\times n_{out}$) and `b` ($n_{out}$ entries). Its cache is `(X, W)`. Write `linear_backward(dZ, X, W)` "
            "that receives $\\partial L/\\partial Z$ (`dZ`, $N\\times n_{out}$) and returns `(dX, dW, db)`, each with the "
            "shape of its variable. The loss adds up the samples' losses."
        ),
        "formula": "dX = dZ W^T (N x n_in); dW = X^T dZ (n_in x n_out), a sum over the samples; db = the column sums of dZ.",
        "hints": (
            "Each gradient has the shape of its variable: dX like X, dW like W, db like b. Which products of dZ, X, W "
            "(or their transposes) have those shapes?",
            "`return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)`.",
        ),
    },
    "07.2": {
        "title": "The loss's backward pass",
        "prompt": (
            "The mean squared error over $N$ samples (one output each) is $L = \\frac1N\\sum_k(\\hat y_k - y_k)^2$. "
            "Write `mse_backward(Y_hat, Y)` that returns $\\partial L/\\partial \\hat Y$ for `Y_hat` and `Y` of shape "
            "$N\\times 1$. The checker also calls it with other numbers of samples."
        ),
        "formula": "dL/dY_hat = (2/N)(Y_hat - Y), with N the number of samples.",
        "hints": (
            "Differentiate one term (y_hat_k - y_k)^2 by y_hat_k, and do not forget the 1/N in front of the sum.",
            "`return 2 * (Y_hat - Y) / len(Y)`.",
        ),
    },
    "07.3": {
        "title": "One training step",
        "prompt": (
            "A linear model $\\hat Y = XW + b$ (row convention; `X` is $N\\times 2$, `W` is $2\\times 1$) is trained on "
            "the mean squared error $L = \\frac1N\\sum_k(\\hat y_k - y_k)^2$. Take one step of gradient descent for $W$ "
            "with the learning rate `lr`: give the new $W$."
        ),
        "formula": "Y_hat = XW + b; dL/dY_hat = (2/N)(Y_hat - Y); dL/dW = X^T dL/dY_hat; W_new = W - lr dL/dW.",
        "hints": (
            "Go forward (Y_hat), then back: dL/dY_hat, then dL/dW. The step moves W against its gradient.",
            "`dY_hat = 2 * (X @ W + b - Y) / len(Y)`, then `W - lr * X.T @ dY_hat`.",
        ),
    },
    "07.4": {
        "title": "A gradient check",
        "prompt": (
            "To check a backward pass, move each weight $w_i$ by a small $h$ in both directions and evaluate the loss. "
            "The given `L_plus[i]` is $L(w + h e_i)$, `L_minus[i]` is $L(w - h e_i)$ and `L_0` is $L(w)$ (the same for every "
            "$i$, repeated). Give the central-difference estimate of $\\partial L/\\partial w_i$, one number per weight."
        ),
        "formula": "dL/dw_i is about (L(w + h e_i) - L(w - h e_i)) / (2h); its error shrinks like h^2.",
        "hints": (
            "The two points w + h e_i and w - h e_i are 2h apart.",
            "`(L_plus - L_minus) / (2 * h)`.",
        ),
    },
}

# ---------------------------------------------------------------------- mistakes, in a student's words
NAMES = {
    # the catalogue of transforms
    "transposed": "a transposed matrix",
    "transposed_operand": "a missing transpose",
    "wrong_order": "the factors in the wrong order",
    "missing_sum": "the terms not added up",
    "missing_path": "a path left out",
    "mean_instead_of_sum": "a mean where a sum belongs",
    "last_path_only": "only the last path",
    "first_sample_only": "only the first sample",
    "last_sample_only": "only the last sample",
    "sums_then_outer": "the product of the sums",
    "not_summed": "the samples not added up",
    "wrong_axis": "a sum along the wrong axis",
    "summed_to_scalar": "everything added into one number",
    "dot_instead_of_elementwise": "a dot product where * belongs",
    "missing_activation_derivative": "a missing σ'(z) factor",
    "derivative_at_wrong_point": "σ' taken at the output",
    "pre_activation_in_slope": "z put into h(1 - h)",
    "sigmoid_for_slope": "σ(z) where σ'(z) belongs",
    "missing_square": "a missing square in σ'(z)",
    "forward_without_sigmoid": "a forward pass without its sigmoid",
    "sign": "a flipped sign",
    "missing_half": "the 1/2 of the loss dropped",
    "missing_two": "the 2 of the square dropped",
    "missing_mean": "the 1/N of the mean dropped",
    "missing_loss_factor": "the factor 2/N dropped",
    "extra_activation_derivative": "an extra σ' factor",
    "summed_too_early": "the entries added too early",
    "loss_instead_of_gradient": "the loss instead of its derivative",
    "missing_learning_rate": "the learning rate left out",
    "divided_by_learning_rate": "a division by the learning rate",
    "step_only": "the step without the weights",
    # an exercise's own
    "forward_value": "the forward value",
    "weights_instead_of_input": "W where x belongs",
    "input_gradient_instead": "the input's gradient",
    "not_reshaped": "a gradient not reshaped",
    "column_major_flattening": "W flattened column by column",
    "jacobian_by_input": "the Jacobian by the input",
    "hard_coded_size": "N written as a number",
    "gradient_shape": "the shape of a gradient",
    "shape_of_x": "the shape of x",
    "shape_of_y": "the shape of y",
    "output_column": "the shape of y",
    "count_of_entries": "a list, not a matrix",
    "shape_of_W": "the shape of W",
    "shape_of_W_transposed": "the shape of W^T",
    "count_of_weights": "one row only",
    "four_dimensional": "W's indices kept apart",
    "shape_of_jacobian": "one sample's Jacobian",
    "one_sample_only": "one sample only",
    "one_sample_vector": "one sample only",
    "full_jacobian": "a Jacobian, not a gradient",
    "one_per_sample": "one number per sample",
    # the structure of an answer
    "not_finite": "NaN or infinity",
    "given_value": "a given value handed back",
    "constant_factor": "a constant factor off",
    "permuted": "the right numbers in the wrong places",
    "one_entry_wrong": "one entry wrong",
    "one_row_wrong": "one row wrong",
    "one_column_wrong": "one column wrong",
    "reshaped": "the wrong shape",
    "diagonal_matrix": "a Jacobian, not its product",
    "first_row_only": "one sample only",
    "argument_order": "the arguments in another order",
    "return_order": "the values returned in another order",
    "returned_none": "a missing return",
    "wrong_count": "the wrong number of values returned",
    "not_numbers": "a value that is not numbers",
    "skipped_first_sample": "a loop that skips the first sample",
    "skipped_last_sample": "a loop that skips the last sample",
    "slope_sign_inside": "h(1 + h) for the slope",
    "weight_gradient_instead": "the weights' gradient",
    "bias_gradient_instead": "the bias gradient",
    "count_as_column": "a column, not a matrix",
    "input_row": "the shape of x^T",
    "one_per_sample_column": "one number per sample",
    "jacobian_per_sample": "a Jacobian per sample",
    "fails_for_batch": "a function that fails for a batch",
    "forward_difference": "a one-sided (forward) difference",
    "backward_difference": "a one-sided (backward) difference",
    "missing_two_in_step": "a step of h where the points are 2h apart",
    "raised_error": "an error in the function",
    "arguments": "the wrong arguments",
    "right_for_one_sample_only": "right for one sample only",
    "right_for_example_only": "right for the example only",
}

TEXT = {
    # ------------------------------------------------------------ the checker
    "check.not_answered": (
        "Replace `...` with your answer and run that cell, then this one. (If the answer cell stopped with an "
        "error, `answer` is still `...`: fix the error first.)"
    ),
    "feedback.correct": "correct.",
    "feedback.not_answered": "not answered yet.",
    "feedback.not_yet": "not yet.",
    "feedback.named": "not yet: {name}.",
    "feedback.exercise": "Exercise {id}",
    "feedback.and": "{first} and {second}",
    "feedback.at": "{name} (in {site})",
    # reading an answer
    "read.none": "Your answer is None. Did you forget to assign a value, or a `return` in a function?",
    "read.text": "Your answer is text (a string). Write the numbers without quotes, e.g. [1.5, -2].",
    "read.function": "Your answer is a function. This exercise asks for numbers: call your function and give its result.",
    "read.other": "Your answer is a value of type {kind}. Give a number, a list of numbers or a numpy array.",
    "read.ragged": "Your answer could not be read as an array: are all rows the same length?",
    "read.bool": "Your answer holds True/False values. Give numbers.",
    "read.complex": "Your answer holds complex numbers. Give real numbers.",
    "read.dtype": "Your answer has entries of type {dtype}. Give numbers.",
    "read.huge": "Your answer holds a number too large for a float (beyond 1e308).",
    "read.symbols": "Some entries of your answer are not numbers (symbols, None or text?). Give numbers.",
    "read.shape_array": (
        "Your answer is an array. This exercise asks for its shape: a tuple such as (4, 5) (for an array A, that is A.shape)."
    ),
    "read.shape_other": "Your answer is a value of type {kind}. Give a shape: a tuple of whole numbers such as (4, 5).",
    "read.shape_entry": "A shape holds whole numbers, such as (4, 5); your answer holds {entry}.",
    "read.shape_negative": "A shape holds sizes (whole numbers >= 0); your answer holds {entry}.",
    "expects.in_words": "This exercise expects {expects}.",
    "expects.shape": "a shape: a tuple of whole numbers such as (4, 5)",
    "expects.number": "a single number",
    "expects.vector": "a vector of {n} numbers (a list or a 1-D array)",
    "expects.array": "an array of shape {shape}",
    "expects.function": (
        "a function `{signature}` that returns {shapes} for the example call. The checker also calls it on "
        "{others} other cases"
    ),
    "shape.sizes": "{given} is not the right shape: count the sizes again. {note}",
    "shape.other": "{given} is not the right shape. {note}",
    # ------------------------------------------------------------ mistakes: the catalogue of transforms
    "mistake.two": "Two slips. First: {first} Second: {second}",
    "mistake.transposed": (
        "Your {quantity} is transposed: it must have the shape of {like}. A gradient has the shape of its variable, "
        "one entry per entry of the variable."
    ),
    "mistake.transposed_operand": (
        "You used {wrong} where {right} belongs: {quantity} = {A} {B}. With a square matrix both run, so the "
        "shapes cannot warn you."
    ),
    "mistake.wrong_order": (
        "The two factors are in the wrong order: you computed {B} {A}, but {quantity} = {A} {B}. A matrix product "
        "does not commute."
    ),
    "mistake.missing_sum": (
        "You have every term of {A} {B}, entry by entry (*), but not their sum. The chain rule adds the terms up: "
        "the matrix product (@) does that."
    ),
    "mistake.missing_path": (
        "You followed only one path. {quantity} adds one term per path, {terms} in all: that sum is the matrix "
        "product {A} {B}."
    ),
    "mistake.last_path_only": (
        "You kept only the last path, as if each term overwrote the one before (`=` where `+=` belongs). "
        "{quantity} adds one term per path, {terms} in all: that sum is the matrix product {A} {B}."
    ),
    "mistake.mean_instead_of_sum": (
        "You averaged over the N = {N} samples. {quantity} adds the samples' contributions (a 1/N of the loss is "
        "already inside the upstream gradient): yours is {N} times too small."
    ),
    "mistake.first_sample_only": "You used only the first sample. Every sample adds its own term to {quantity}: all N = {N} of them.",
    "mistake.last_sample_only": (
        "You kept only the last sample's term, as if each sample overwrote the one before (`=` where `+=` belongs). "
        "{quantity} adds the terms of all N = {N} samples."
    ),
    "mistake.sums_then_outer": (
        "You added up the samples first and then multiplied the two sums. {quantity} = {A} {B} adds one product "
        "per sample: the sum of the products, not the product of the sums."
    ),
    "mistake.skipped_first_sample": (
        "Your sum leaves out the first sample, as a loop that starts at 1 would. {quantity} adds the terms of all "
        "N = {N} samples, from the first to the last."
    ),
    "mistake.skipped_last_sample": (
        "Your sum leaves out the last sample, as a loop that stops one short would. {quantity} adds the terms of "
        "all N = {N} samples, from the first to the last."
    ),
    "mistake.wrong_axis.product": (
        "You added the terms over the wrong index: one number per entry of {B}. {quantity} adds over the index "
        "that {A} and {B} share: the matrix product {A} {B}."
    ),
    "mistake.slope_sign_inside": "A sign slipped inside the slope: σ'({z}) = {h}(1 - {h}), not {h}(1 + {h}).",
    "mistake.weight_gradient_instead": (
        "That is dL/dW = dL/dy x^T, the weights' gradient (the shape of W). This exercise asks for dL/dx: one "
        "entry per input, dL/dx = W^T dL/dy."
    ),
    "mistake.bias_gradient_instead": (
        "That is the bias gradient: the sum of the upstream gradient over the samples. The weight gradient also "
        "multiplies each sample's term by that weight's input."
    ),
    "mistake.not_summed": "You have one term per sample, but did not add them: {quantity} is their sum over the N = {N} samples.",
    "mistake.wrong_axis": (
        "You added along the wrong axis: one number per sample. {quantity} adds the samples (the rows, axis 0) "
        "together, one entry per unit."
    ),
    "mistake.summed_to_scalar": (
        "You added everything into one number. {quantity} keeps one entry per unit: add over the samples only (axis 0)."
    ),
    "mistake.dot_instead_of_elementwise": (
        "You added the products into one number (a dot product). {quantity} keeps one entry per unit: multiply "
        "{A} and {B} entry by entry, with *."
    ),
    "mistake.missing_activation_derivative": (
        "The sigmoid's slope is missing. Between {h} and {z} the chain multiplies each entry by its own slope "
        "σ'({z}) = {h}(1 - {h})."
    ),
    "mistake.derivative_at_wrong_point": (
        "You evaluated σ' at the output {h} instead of at {z}: σ({h})(1 - σ({h})). The slope is σ'({z}) = "
        "{h}(1 - {h}): put {h} into h(1 - h) directly, without applying the sigmoid again."
    ),
    "mistake.pre_activation_in_slope": (
        "You put {z} itself into h(1 - h). The formula σ' = h(1 - h) needs the sigmoid's output h = σ({z}): "
        "apply the sigmoid first."
    ),
    "mistake.sigmoid_for_slope": "You used σ({z}) where its slope σ'({z}) belongs. The slope is σ({z})(1 - σ({z})) = {h}(1 - {h}).",
    "mistake.missing_square": (
        "e^-z / (1 + e^-z) is 1 - σ(z), not the slope: the derivative of (1 + e^-z)^-1 has the square "
        "(1 + e^-z)^2 below. So σ'(z) = e^-z / (1 + e^-z)^2 = σ(z)(1 - σ(z))."
    ),
    "mistake.forward_without_sigmoid": "Your forward pass left out the sigmoid: {quantity} = σ({pre}), not {pre} itself.",
    "mistake.sign": "The sign is wrong: every entry of your {quantity} has the right size but the opposite sign.",
    "mistake.sign.loss": (
        "The sign is wrong: {quantity} = {right}, not {wrong}. With your sign, gradient descent would walk away "
        "from the target."
    ),
    "mistake.sign.update": (
        "You stepped uphill. The gradient points to where the loss grows, so gradient descent subtracts it: "
        "{W} - lr dL/d{W}."
    ),
    "mistake.missing_half": (
        "Your {quantity} is twice too large: the 1/2 of the half squared error is there to cancel the 2 from the "
        "square, so {quantity} = {right}."
    ),
    "mistake.missing_two": "The 2 from the square is missing: {quantity} = (2/N)({pred} - {target}), with N = {N}.",
    "mistake.missing_mean": (
        "The 1/N of the mean is missing: L = (1/N) sum_k (...)^2, so {quantity} = (2/N)({pred} - {target}) with "
        "N = {N}. Yours is {N} times too large."
    ),
    "mistake.missing_loss_factor": (
        "The factor 2/N is missing (N = {N}): the 2 comes from the square and the 1/N from the mean, so "
        "{quantity} = (2/N)({pred} - {target})."
    ),
    "mistake.extra_activation_derivative": (
        "You multiplied by {pred}(1 - {pred}), a sigmoid's slope. {quantity} = {right} has no such factor."
    ),
    "mistake.summed_too_early": (
        "You added the samples' derivatives into one number. Each sample has its own derivative, so {quantity} "
        "keeps one entry per sample; the sum over the samples comes later, in the weight gradients."
    ),
    "mistake.loss_instead_of_gradient": "This is the loss term itself (a square), not its derivative. Differentiate: {quantity} = {right}.",
    "mistake.missing_learning_rate": "You took the whole gradient as the step. Multiply it by the learning rate {lr} = {lr_value:g} first.",
    "mistake.divided_by_learning_rate": "You divided the gradient by the learning rate; the step multiplies it: {lr} {gradient}.",
    "mistake.step_only": "This is the change of the weights (the step), not the new weights: start from {W} and add the step.",
    "mistake.forward_value": (
        "You computed y = Wx, the forward pass. The question is how L changes with x: dL/dx = W^T dL/dy, one "
        "entry per input."
    ),
    "mistake.weights_instead_of_input": (
        "You multiplied dL/dy by W. But dL/dW_ij = dL/dy_i x_j: the weight w_ij multiplies x_j, so the input x "
        "(not W) appears in its gradient."
    ),
    "mistake.input_gradient_instead": (
        "That is dL/dx = W^T dL/dy, the gradient for the input. This exercise asks for the weights' gradient: "
        "one entry per weight, in the shape of W."
    ),
    "mistake.not_reshaped": (
        "This is the chain-rule row dL/dY (X kron I_m). It lists the gradient of every weight, in the order of "
        "vec(W). Put it back into W's shape, row by row."
    ),
    "mistake.column_major_flattening": (
        "You filled W's shape column by column. The chain-rule row lists the weights row by row (w_11, w_12, ..., "
        "w_1m, w_21, ...), so fill the rows first (numpy's default `reshape`)."
    ),
    "mistake.jacobian_by_input": (
        "This is dY/dX = W^T, the Jacobian by the input. The question asks for the Jacobian by the weights: one "
        "column per weight w_ij."
    ),
    "mistake.forward_difference": (
        "You used the forward difference (L(w + h e_i) - L(w)) / h. It is off by about h/2 times the second "
        "derivative; the central difference (L(w + h e_i) - L(w - h e_i)) / (2h) cancels that term, so its error "
        "shrinks like h^2."
    ),
    "mistake.backward_difference": (
        "You used the backward difference (L(w) - L(w - h e_i)) / h. Like the forward one it is off by about h/2 "
        "times the second derivative; use both sides: (L(w + h e_i) - L(w - h e_i)) / (2h)."
    ),
    "mistake.missing_two_in_step": (
        "The two points w + h e_i and w - h e_i are 2h apart, not h: divide their difference by 2h. Yours is "
        "twice too large."
    ),
    "mistake.hard_coded_size": (
        "Your function uses N = 3, the example's number of samples. Write N = len(y): the checker also calls it "
        "with other batch sizes."
    ),
    # ------------------------------------------------------------ an exercise's own words for a mistake
    "01.1.transposed": (
        "{given} has one row per input x_j: that is the denominator layout. In this course a Jacobian has one row "
        "per output y_i and one column per input x_j."
    ),
    "01.1.gradient_shape": (
        "{given} is the shape of x as a column, and of the gradient dL/dx. The Jacobian dy/dx holds every "
        "derivative dy_i/dx_j, one per pair (i, j)."
    ),
    "01.1.shape_of_x": (
        "{given} is the shape of x. The Jacobian dy/dx holds every derivative dy_i/dx_j: one row per output, one "
        "column per input."
    ),
    "01.1.shape_of_y": (
        "{given} is the shape of y. The Jacobian dy/dx holds every derivative dy_i/dx_j: one row per output, one "
        "column per input."
    ),
    "01.1.output_column": (
        "{given} is the shape of y as a column. The Jacobian dy/dx holds every derivative dy_i/dx_j: one row per "
        "output, one column per input."
    ),
    "01.1.count_of_entries": (
        "{given} lists the derivatives dy_i/dx_j in one line. A Jacobian arranges them as a matrix: one row per "
        "output, one column per input."
    ),
    "03.1.transposed": (
        "{given} has one row per weight. A Jacobian has one row per output (the entries of Y) and one column per weight."
    ),
    "03.1.shape_of_W": (
        "{given} is the shape of W, and of the gradient dL/dW (one number per weight). The Jacobian of Y holds "
        "dy_k/dw_ij for every output k and every weight w_ij."
    ),
    "03.1.shape_of_W_transposed": (
        "{given} is the shape of W^T. The Jacobian of Y holds dy_k/dw_ij for every output k and every weight "
        "w_ij: one row per output, one column per weight."
    ),
    "03.1.count_of_weights": (
        "{given} has one entry per weight, like the gradient of one output. The Jacobian of Y has such a row for "
        "every output."
    ),
    "03.1.four_dimensional": (
        "{given} keeps W's two indices apart (as SymPy's diff by a MatrixSymbol does). Here W is flattened into "
        "vec(W): one row per output, one column per weight."
    ),
    "04.2.transposed": "{given} is transposed. A gradient has the shape of its variable: Z has one row per sample.",
    "04.2.shape_of_jacobian": (
        "{given} is the shape of one sample's Jacobian dh/dz, the diagonal matrix diag(σ'(z)). The gradient dL/dZ "
        "is not a Jacobian: it has the shape of Z, one number per entry."
    ),
    "04.2.one_sample_only": "{given} is the shape for one sample. dL/dZ covers the whole batch: one row per sample, like Z.",
    "04.2.one_sample_vector": "{given} is the shape of one sample's vector. dL/dZ covers the whole batch: one row per sample, like Z.",
    "04.2.full_jacobian": (
        "{given} is the shape of the whole batch's Jacobian dH/dZ. The gradient dL/dZ is not a Jacobian: it has "
        "the shape of Z, one number per entry."
    ),
    "04.2.one_per_sample": "{given} has one number per sample. dL/dZ has one number per entry of Z: per sample and per unit.",
    "01.2.missing_path": (
        "You followed only the route through y_1. Each x_j reaches L through all {terms} outputs, so "
        "dL/dx_j = sum_i w_ij dL/dy_i adds one term per output."
    ),
    "01.2.missing_sum": (
        "You have every term w_ij dL/dy_i, as a table. The chain rule adds them up: for each x_j, sum over the "
        "outputs i. That sum is the matrix product W^T dL/dy."
    ),
    "01.3.transposed_operand": (
        "Your function uses W where W^T belongs. For a square W it runs, but gives W dL/dy; for a W that is not "
        "square it cannot even multiply. dL/dx_j = sum_i w_ij dL/dy_i runs down column j of W."
    ),
    "02.1.transposed": (
        "You transposed dL/dW: it must have W's shape; compare dL/dy x^T with x dL/dy^T. Entry (i, j) is "
        "dL/dy_i x_j: the row index belongs to the output y_i."
    ),
    "02.2.mean_instead_of_sum": (
        "You averaged over the N = {N} samples. The loss adds the samples' losses and every sample uses the same "
        "b, so the gradients add up: dL/db = sum_s dL/dy_s. Yours is {N} times too small."
    ),
    "02.2.wrong_axis": (
        "You added up the entries of each sample: one number per sample. dL/db has b's shape, one entry per "
        "output: add the rows (the samples) together."
    ),
    "02.2.summed_to_scalar": "You added everything into one number. dL/db has b's shape, one entry per output: add the rows (the samples) only.",
    "02.3.transposed": (
        "Your answer is the transpose: the gradient of the row-convention W_row = W^T (what matgrad.Linear.backward "
        "returns). Here W has one row per output, so dL/dW = sum_s dL/dy_s x_s^T."
    ),
    "02.3.mean_instead_of_sum": (
        "You averaged the {N} outer products. The loss is a sum over the samples, so its gradient is the sum of "
        "the samples' gradients dL/dy_s x_s^T."
    ),
    "02.4.summed_to_scalar": "Your dL_db is one number. It has b's shape, one entry per output: dL/db = dL/dy, nothing to add up.",
    "02.4.transposed_operand": (
        "Your dL_dx uses W where W^T belongs. For a square W it runs, but gives W dL/dy; dL/dx_j = sum_i w_ij dL/dy_i "
        "runs down column j of W."
    ),
    "03.2.transposed": "Your matrix has one row per weight. The Jacobian has one row per output y_k and one column per weight.",
    "03.2.column_major_flattening": (
        "Your columns follow W flattened column by column (w_11, w_21, w_12, ...). The course flattens row by row, "
        "(w_11, w_12, ..., w_1m, w_21, ...), which gives X kron I_m (block i is x_i I_m). Your matrix I_m kron X "
        "has the same entries, with the columns in another order."
    ),
    "03.3.transposed": (
        "You used the column-convention formula dL/dy x^T, which gives the transpose. In the row convention W has "
        "one row per input, and dL/dW = X^T dL/dY has W's shape."
    ),
    "03.3.input_gradient_instead": (
        "That is dL/dX = dL/dY W^T, the gradient for the input X. This exercise asks for dL/dW: one entry per "
        "weight, in the shape of W."
    ),
    "04.1.derivative_at_wrong_point": (
        "You applied the sigmoid twice: σ(σ(z))(1 - σ(σ(z))). The slope at z is σ(z)(1 - σ(z)): apply the sigmoid "
        "once, then h(1 - h)."
    ),
    "04.1.sigmoid_for_slope": (
        "These are the values σ(z) of the sigmoid itself. The question asks for its slope σ'(z) = σ(z)(1 - σ(z))."
    ),
    "04.1.pre_activation_in_slope": (
        "You put z itself into h(1 - h). The formula σ' = h(1 - h) needs the output h = σ(z): first compute "
        "h = σ(z), then h(1 - h)."
    ),
    "04.1.sign": "The sign is wrong: σ is increasing, so its slope σ'(z) = σ(z)(1 - σ(z)) is positive everywhere.",
    "04.3.missing_activation_derivative": (
        "You passed dL/dh through unchanged. The sigmoid's Jacobian is diag(σ'(z)), so each entry is multiplied "
        "by its own slope: dL/dz = dL/dh * σ'(z)."
    ),
    "01.1.count_as_column": (
        "{given} stacks the derivatives dy_i/dx_j in one column. A Jacobian arranges them as a matrix: one row per "
        "output, one column per input."
    ),
    "01.1.input_row": (
        "{given} is the shape of x^T, a row. The Jacobian dy/dx holds every derivative dy_i/dx_j: one row per "
        "output, one column per input."
    ),
    "04.2.one_per_sample_column": "{given} has one number per sample. dL/dZ has one number per entry of Z: per sample and per unit.",
    "04.2.jacobian_per_sample": (
        "{given} holds one Jacobian diag(σ'(z)) per sample. The gradient dL/dZ is not a Jacobian: it has the shape "
        "of Z, one number per entry."
    ),
    "05.2.weights_instead_of_input": (
        "You multiplied dL/dz2 by W2. But dL/dW2 = h1^T dL/dz2: each weight's gradient holds its input "
        "from h1, not the weight itself."
    ),
    "05.2.input_gradient_instead": (
        "That is dL/dh1 = dL/dz2 W2^T, the gradient sent down to the layer below. This exercise asks for "
        "dL/dW2 = h1^T dL/dz2, in the shape of W2."
    ),
    "03.3.weights_instead_of_input": (
        "You multiplied dL/dY by W. But dL/dw_ik = x_i dL/dy_k: the input x_i (not the weight) appears in the "
        "weight's gradient, dL/dW = X^T dL/dY."
    ),
    "05.1.summed_too_early": "You added the entries into one number. dL/dh has one entry per output h_k, like h.",
    "05.1.extra_activation_derivative": (
        "You multiplied by h(1 - h), the sigmoid's slope: that gives dL/dz, the next step. The question "
        "asks for dL/dh = h - y."
    ),
    "05.3.missing_activation_derivative": (
        "You stopped at dL/dh1 = dL/dz2 W2^T. To reach z1 the chain goes through the sigmoid of layer 1 "
        "too: multiply by σ'(z1), entry by entry."
    ),
    "05.3.missing_path": (
        "You followed only the path through z2_1. h1_j reaches the loss through all {terms} entries of z2, and "
        "dL/dz2 W2^T adds up every path: sum_k dL/dz2_k w2_jk."
    ),
    "05.4.wrong_order": (
        "You multiplied the two Jacobians in the wrong order. The chain rule puts the later step first: "
        "dz2/dz1 = (dz2/dh1)(dh1/dz1) = W2^T diag(σ'(z1)). Check with one entry: z1_j changes only h1_j, "
        "so column j (not row j) must carry the factor σ'(z1_j)."
    ),
    "05.4.transposed_operand": (
        "You used W2 where its transpose belongs. z2_k = sum_j h1_j w2_jk, so dz2_k/dh1_j = w2_jk: row k of "
        "dz2/dh1 is column k of W2, and dz2/dh1 = W2^T."
    ),
    "05.4.missing_activation_derivative": (
        "This is only dz2/dh1 = W2^T. The chain also passes the sigmoid: multiply by dh1/dz1 = diag(σ'(z1))."
    ),
    "05.4.transposed": (
        "Your matrix is transposed: row k must hold the derivatives of z2_k (numerator layout), "
        "dz2/dz1 = (dz2/dh1)(dh1/dz1)."
    ),
    "06.1.summed_too_early": (
        "You added the samples up into one number (the worked homework writes a stray sum here too). Each sample "
        "has its own derivative, so the answer has one entry per sample. The sum over the samples comes later, in "
        "the weight gradients."
    ),
    "06.2.mean_instead_of_sum": (
        "You averaged the samples' contributions. The 1/N is already inside dL/dyhat = (2/N)(yhat - y); the "
        "weight gradient adds the contributions: sum_k dL/dyhat_k h2_ik."
    ),
    "06.2.extra_activation_derivative": (
        "You multiplied by yhat(1 - yhat), a sigmoid's slope. The output layer is linear (no sigmoid), so "
        "dL/dyhat goes to W3 without a slope factor."
    ),
    "06.1.extra_activation_derivative": (
        "You multiplied by yhat(1 - yhat), a sigmoid's slope. The output layer is linear (no sigmoid), and "
        "dL/dyhat is the derivative of the loss alone."
    ),
    "06.3.missing_path": (
        "You followed only the path through h2_1 (the worked homework's chain does the same). h1_i feeds both h2_1 "
        "and h2_2, so dL/dz1_i = (w2_i1 dL/dz2_1 + w2_i2 dL/dz2_2) * h1_i (1 - h1_i): add both paths."
    ),
    "06.3.mean_instead_of_sum": (
        "You divided by N = {N} once more. The 1/N of the mean is already inside dL_dz2 (through dL/dyhat = "
        "(2/N)(yhat - y)); dL/dW1 = X^T dL/dZ1 adds the samples."
    ),
    "06.3.transposed_operand": (
        "You used W2 where W2^T belongs. The weight w2_ij joins h1_i to z2_j, so dL/dz1_i uses row i of W2: "
        "sum_j w2_ij dL/dz2_j, which is dL/dZ2 W2^T."
    ),
    "06.5.extra_activation_derivative": (
        "Your function multiplies by yhat(1 - yhat), a sigmoid's slope. The output layer is linear (no sigmoid): "
        "dL/dyhat = (2/N)(yhat - y) goes straight to W3 and b3."
    ),
    # ------------------------------------------------------------ the structure of a wrong answer
    "structure.not_finite": (
        "Your answer holds NaN or infinity ({count} of {n} entries). NaN comes from 0/0 or inf - inf; infinity from "
        "an overflow (np.exp of a large number) or a division by 0. Find the step that makes it."
    ),
    "structure.given_value": "Your answer is {name}, one of the given values, unchanged. {quantity} is computed from the given values.",
    "structure.transposed": "Your answer is transposed: {quantity} has the shape of {like}, {shape}. Transposed back, it would be right.",
    "structure.transposed_and": (
        "Your answer has the transposed shape {yours}: {quantity} has the shape of {like}, {shape}. Even transposed "
        "back it is not right. {then}"
    ),
    "structure.also_transposed": "You also transposed the result: it must have the shape of the variable.",
    "structure.sign": (
        "Every entry has the right size but the opposite sign: a sign slipped somewhere. Check each minus sign, "
        "e.g. in a difference such as (prediction - target)."
    ),
    "structure.factor": (
        "Every entry of yours is {factor} times the right one: the structure is right, but a constant factor is "
        "missing or extra."
    ),
    "structure.factor_and_sign": (
        "Every entry of yours is -{factor} times the right one: the opposite sign, and a constant factor missing or extra."
    ),
    "structure.factor_larger": (
        "Every entry of yours is about {percent} % larger than the right one, all by the same factor: the structure "
        "is right, but a constant factor is off."
    ),
    "structure.factor_smaller": (
        "Every entry of yours is about {percent} % smaller than the right one, all by the same factor: the "
        "structure is right, but a constant factor is off."
    ),
    "structure.factor_larger_and_sign": (
        "Every entry of yours has the opposite sign and is about {percent} % larger, all by the same factor: a sign "
        "and a constant factor are off."
    ),
    "structure.factor_smaller_and_sign": (
        "Every entry of yours has the opposite sign and is about {percent} % smaller, all by the same factor: a "
        "sign and a constant factor are off."
    ),
    "structure.permuted": (
        "You have the right numbers, but some are in the wrong places. Check which index is the row and which the "
        "column, and the order of your loops or reshapes."
    ),
    "structure.one_entry": (
        "{k} of {n} entries differs: entry {index}, by about {percent} % of the largest entry. The others are "
        "right: recheck that one."
    ),
    "structure.one_row": (
        "{k} of {n} entries differ, all in row {row} (counting from 0). The other rows are right: recheck that row."
    ),
    "structure.one_column": (
        "{k} of {n} entries differ, all in column {column} (counting from 0). The other columns are right: recheck "
        "that column."
    ),
    "structure.entries": (
        "{k} of {n} entries differ, by up to {percent} % of the largest entry. (Numbers count as equal when they "
        "agree to about 4 significant digits.)"
    ),
    "structure.one_number": (
        "You gave one number, but {quantity} has shape {shape}. If you added things up (a sum or a dot product), "
        "keep the entries apart instead."
    ),
    "structure.not_summed": "You have one term per sample (shape {yours}), but did not add them: {quantity} is their sum over the N = {N} samples.",
    "structure.one_per_sample": (
        "Your answer has one array per sample (shape {yours}); {quantity} has shape {shape}: the samples' terms "
        "are added together."
    ),
    "structure.reshaped": "Your answer has shape {yours}; {quantity} has shape {shape}, the shape of {like}.",
    "structure.column_major": (
        "Your numbers are filled into shape {shape} column by column. Fill the rows first (numpy's default reshape)."
    ),
    "structure.diagonal_matrix": (
        "Your answer is a diagonal matrix of shape {yours}, like a Jacobian diag(σ'(z)). {quantity} is a vector: "
        "the diagonal Jacobian acts entry by entry, so multiply with * and keep one entry per unit."
    ),
    "structure.one_row_of_many": (
        "Your answer has the shape of one row {yours}, but {quantity} has one row per sample, shape {shape}: "
        "compute it for every sample, not for one."
    ),
    "function.argument_order": (
        "Your function takes its arguments in another order. The checker calls it as {signature}: put the "
        "parameters in that order."
    ),
    "function.return_order": "Your function returns the right values in another order: return ({returns}), in that order.",
    "structure.shape_of_given": "Your answer has the shape of {name}, {yours}; {quantity} has shape {shape}.",
    "structure.wrong_shape": "Your answer has shape {yours}; {quantity} has shape {shape}.",
    # ------------------------------------------------------------ function answers
    "function.not_a_function": (
        "This exercise asks for a function. Define `def {call}:` returning {returns}, then pass the function itself "
        "(no parentheses) to check."
    ),
    "function.argument": "{name} of shape {shape}",
    "function.slow": "Called as {call}, your function did not finish within {seconds} seconds. Is there an endless loop?",
    "function.problem": "Called as {call}, your function {problem} ({returns}).",
    "function.raised": "Called as {call}, your function raised {error} at `{line}`: {explanation}",
    "function.raised_somewhere": "Called as {call}, your function raised {error}: {explanation}",
    "function.fails_for_batch": (
        "It works for one sample (a 1-D input), but not for a batch: every step must also work on a 2-D array "
        "with one sample per row."
    ),
    "function.value": "{name}: {text}",
    "function.wrong_value": "Called as {call}: {text}",
    "function.not_finite": (
        "Called as {call}, your function returns NaN or infinity. Find the step that makes it (0/0, an overflow, "
        "a division by 0)."
    ),
    "function.right_for_one_sample_only": (
        "Your function is right for one sample, but not for a batch: called as {call}, it gives other numbers. "
        "With several samples, each sample's terms must be added (or kept, one row each)."
    ),
    "function.right_for_example_only": (
        "Your function is right for the example call, but not called as {call}. Did you write a number from the "
        "example (a size such as N = 3, or a value) into the function? Use the arguments instead."
    ),
    "run.one_value": "returned one value; it must return a tuple of {count} values",
    "run.count": "returned {got} values; it must return {count} values",
    "run.none": "returned None (is a `return` missing?)",
    "run.not_numbers": "returned something that is not an array of numbers",
    "run.slow": "did not finish within {seconds} seconds",
    "error.matmul": (
        "in a matrix product (@) the columns of the left factor must match the rows of the right one, and here "
        "the sizes {second} and {first} do not. Check which factor needs a transpose."
    ),
    "error.broadcast": (
        "an entry-by-entry operation (*, +, -) needs arrays of the same shape (or size 1 along an axis), but here "
        "the shapes are {first} and {second}."
    ),
    "error.dot": "np.dot needs the inner sizes to agree, but here the shapes are {first} and {second}.",
    "error.index": (
        "index {index} does not exist along axis {axis}, which has size {size}. Use the arrays' own sizes "
        "(len, .shape) rather than fixed numbers."
    ),
    "error.arguments": "it takes {takes} arguments, but the checker passes {given} (see the exercise for their names).",
    "error.missing_argument": "it needs more arguments than the checker passes (see the exercise for their names).",
    "error.other": "{error}: {detail}",
    # ------------------------------------------------------------ errors (a wrong name, a write)
    "error.no_given": "no given value named {name}; the names are {names}",
    "error.given_read_only": "the given values are read-only",
    "error.no_exercise": "no exercise {id}; the exercises are {ids}",
    "error.exercises_read_only": "EXERCISES is read-only",
    # ------------------------------------------------------------ the cards
    "card.notebook": "the notebook's instance",
    "card.fresh": "fresh instance {seed}",
    "card.given": "Given",
    "card.example": "Example call",
    "card.number": "number",
    "card.name": "name",
    "card.shape": "shape",
    "card.value": "value",
    "card.where": "These values are in `{call}`, e.g. `{call}.{first}`.",
    "card.answer": "Your answer",
    "card.hint": "Exercise {id}, hint {k} of {n}",
    "card.last_hint": '(That is the last hint; `solution("{id}")` shows the answer.)',
    "card.solution": "Solution of exercise {id} ({which})",
    "card.recognised": "Mistakes the checker recognises (each also in pairs)",
    "solution.no_source": "(the reference function with this mistake)",
    "instructor.title": "Exercises: solutions and recognised mistakes",
    "instructor.heading": "{id} {title} (notebook {notebook}, {kind})",
    "instructor.given": "Given (the notebook's instance):",
    "instructor.example": "Given (the example call):",
    "instructor.solution": "Solution: {formula}",
    "instructor.mistakes": "Recognised mistakes (each also in pairs, and any other answer by its structure):",
}


def say(key, **fields):
    """The message ``key``, formatted with its named ``fields``."""
    return TEXT[key].format(**fields)


def render(key, fields):
    """Like :func:`say`, for fields that may hold a nested finding ``(mistake, key, fields)``."""
    done = {name: render(value[1], value[2]) if _is_finding(value) else value for name, value in fields.items()}
    return say(key, **done)


def _is_finding(value):
    return isinstance(value, tuple) and len(value) == 3 and isinstance(value[1], str) and isinstance(value[2], dict)


def exercise_text(exercise_id, field):
    """An exercise's ``title``, ``prompt``, ``formula``, ``note`` (``""`` if none) or ``hints``."""
    return EXERCISES[exercise_id].get(field, "")


def mistake_name(mistake):
    """A mistake id in a student's words: ``"sign"`` -> ``"a flipped sign"``; pairs are joined."""
    if not mistake:
        return None
    parts = [part for part in mistake.split("+")]
    names = []
    for part in parts:
        transform, _, site = part.partition("@")
        name = NAMES.get(transform, transform.replace("_", " "))
        names.append(say("feedback.at", name=name, site=site) if site else name)
    return names[0] if len(names) == 1 else say("feedback.and", first=", ".join(names[:-1]), second=names[-1])
