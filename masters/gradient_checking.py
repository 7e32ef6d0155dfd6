# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   pack:
#     order: 4
#     notebook: gradient_checking.ipynb
#     files: [gc_utils.py, gc_testcases.py, testCases.py, language.py, figures.py, gc_figures.py]
#     titles: {en: Gradient Checking, pt: Verificação de Gradiente}
# ---

# %% [markdown] lang="en"
# # Gradient Checking
#
# Welcome to the last assignment! You will implement **gradient checking** and use it to
# prove that a backward propagation is right, or to find out where it is wrong.
#
# You are part of a team working to make mobile payments available globally, and you are asked to build a
# deep learning model to detect fraud: whenever someone makes a payment, the model says whether the
# payment might be fraudulent, for example because a hacker has taken over the account.
#
# Backpropagation is quite challenging to implement, and it sometimes has bugs that do not stop the
# training: the cost still goes down, only more slowly, or converges to a worse model. Because this is
# a mission-critical application, your company's CEO wants to be really certain that your implementation
# of backpropagation is correct. Your CEO says: "Give me a proof that your backpropagation is actually
# working!" To give this reassurance, you are going to use gradient checking.
#
# **You will learn to:** approximate a derivative with a centered difference, compare two gradients with a
# relative difference, check the gradients of a whole network one parameter at a time, and locate a bug
# in a backward propagation.
#
# **Instructions**
# - Write your code only between `### START CODE HERE ###` and `### END CODE HERE ###`: replace
#   `# YOUR CODE HERE` and the `raise NotImplementedError()` line with your code. The comment
#   `(≈ N lines)` says roughly how much code is expected.
# - Do not add, delete or move the test cells. Each one checks the function just above it and tells you
#   which output is wrong. The autograder runs the same checks plus hidden ones on other inputs.
# - Run the cells in order, from the top.

# %% [markdown] lang="pt"
# # Verificação de Gradiente
#
# Bem-vindo à última tarefa! Você vai implementar a **verificação de gradiente** e usá-la
# para provar que uma propagação para trás está certa, ou para descobrir onde ela está errada.
#
# Você faz parte de uma equipe que trabalha para levar pagamentos móveis ao mundo todo, e pediram a você
# um modelo de aprendizado profundo que detecte fraudes: sempre que alguém faz um pagamento, o modelo diz
# se o pagamento pode ser fraudulento, por exemplo porque um hacker invadiu a conta.
#
# A retropropagação é bem difícil de implementar e às vezes tem erros que não impedem o treinamento: o
# custo continua caindo, só que mais devagar, ou converge para um modelo pior. Como esta é uma aplicação
# crítica, o CEO da sua empresa quer ter certeza absoluta de que a sua implementação da retropropagação
# está correta. O seu CEO diz: "Me dê uma prova de que a sua retropropagação funciona de verdade!" Para dar
# essa garantia, você vai usar a verificação de gradiente.
#
# **Você vai aprender a:** aproximar uma derivada por uma diferença centrada, comparar dois gradientes
# pela diferença relativa, verificar os gradientes de uma rede inteira um parâmetro de cada vez e
# localizar um erro numa propagação para trás.
#
# **Instruções**
# - Escreva o seu código somente entre `### INICIE O SEU CÓDIGO AQUI ###` e
#   `### TERMINE O SEU CÓDIGO AQUI ###`: substitua `# SEU CÓDIGO AQUI` e a linha
#   `raise NotImplementedError()` pelo seu código. O comentário `(≈ N linhas)` indica aproximadamente
#   quantas linhas de código são esperadas.
# - Não acrescente, apague nem mova as células de teste. Cada uma verifica a função logo acima e diz qual
#   saída está errada. O corretor automático roda as mesmas verificações e outras, ocultas, com outras entradas.
# - Rode as células em ordem, de cima para baixo.

# %% [markdown] lang="en"
# ## 1 - Packages
#
# - [numpy](https://numpy.org) for all the computation;
# - [matplotlib](https://matplotlib.org) for the figures;
# - `gc_utils` provides the activations and the conversions between a dictionary of parameters and one
#   column vector; `gc_testcases` gives the inputs of the tests and `testCases` readable checks;
#   `figures` and `gc_figures` draw the figures of this notebook.

# %% [markdown] lang="pt"
# ## 1 - Pacotes
#
# - [numpy](https://numpy.org) para todos os cálculos;
# - [matplotlib](https://matplotlib.org) para as figuras;
# - `gc_utils` fornece as ativações e as conversões entre um dicionário de parâmetros e um único vetor
#   coluna; `gc_testcases` fornece as entradas dos testes e `testCases`, verificações legíveis;
#   `figures` e `gc_figures` desenham as figuras deste notebook.

# %% imports=true
import contextlib
import io
import os

import matplotlib.pyplot as plt
import numpy as np

from gc_utils import sigmoid, relu, dictionary_to_vector, vector_to_dictionary, gradients_to_vector
from gc_utils import LAYOUT, block_slices
from testCases import *
from gc_testcases import *
from figures import draw_network
from gc_figures import draw_computation_graph, plot_centred_difference, draw_vector_layout, plot_block_report

# %matplotlib inline
plt.rcParams["figure.figsize"] = (6.0, 4.0)
set_language("en")  # [en]
set_language("pt")  # [pt]
# en: The autograder (nbgrader sets NBGRADER_EXECUTION) draws no figure: no grade depends on them.
# pt: O corretor automático (o nbgrader define NBGRADER_EXECUTION) não desenha figuras: nenhuma nota depende delas.
GRADING = "NBGRADER_EXECUTION" in os.environ

# %% [markdown] lang="en"
# ## 2 - How does gradient checking work?
#
# Backpropagation computes the gradients $\frac{\partial J}{\partial \theta}$, where $\theta$ denotes the
# parameters of the model. $J$ is computed by forward propagation and by your cost function, the mean of the
# losses of the $m$ examples.
#
# Because forward propagation is relatively easy to implement, you are confident you got it right, and so
# you are almost 100 % sure that you compute the cost $J$ correctly. So you can use your code for
# computing $J$ to verify the code for computing $\frac{\partial J}{\partial \theta}$.
#
# Let us look back at the definition of a derivative (or gradient):
# $$ \frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0} \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon} \tag{1}$$
#
# If you are not familiar with the "$\displaystyle \lim_{\varepsilon \to 0}$" notation, it is just a way
# of saying "when $\varepsilon$ is really, really small".
#
# We know the following:
# - $\frac{\partial J}{\partial \theta}$ is what you want to make sure you are computing correctly;
# - you can compute $J(\theta + \varepsilon)$ and $J(\theta - \varepsilon)$ (in the case that $\theta$ is
#   a real number), since you are confident your implementation of $J$ is correct.
#
# So you use equation (1) with a small $\varepsilon$ to check that your code for
# $\frac{\partial J}{\partial \theta}$ is correct. The figure below shows why the **centered** difference
# of (1), which looks at both sides of $\theta$, is used rather than the one-sided difference
# $\frac{J(\theta + \varepsilon) - J(\theta)}{\varepsilon}$: the slope of the centered secant is much
# closer to the slope of the tangent. Its error shrinks like $\varepsilon^2$, the one-sided error only
# like $\varepsilon$. (Here $\varepsilon$ is huge so that you can see the secants.)

# %% [markdown] lang="pt"
# ## 2 - Como funciona a verificação de gradiente?
#
# A retropropagação calcula os gradientes $\frac{\partial J}{\partial \theta}$, em que $\theta$ denota os
# parâmetros do modelo. $J$ é calculado pela propagação para frente e pela sua função de custo, a média das
# perdas dos $m$ exemplos.
#
# Como a propagação para frente é relativamente fácil de implementar, você confia que acertou, e então
# tem quase 100 % de certeza de que calcula o custo $J$ corretamente. Assim, você pode usar o seu código
# que calcula $J$ para verificar o código que calcula $\frac{\partial J}{\partial \theta}$.
#
# Vamos relembrar a definição de derivada (ou gradiente):
# $$ \frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0} \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon} \tag{1}$$
#
# Se a notação "$\displaystyle \lim_{\varepsilon \to 0}$" não lhe é familiar, ela é só um jeito de dizer
# "quando $\varepsilon$ é muito, muito pequeno".
#
# Sabemos o seguinte:
# - $\frac{\partial J}{\partial \theta}$ é o que você quer ter certeza de calcular corretamente;
# - você sabe calcular $J(\theta + \varepsilon)$ e $J(\theta - \varepsilon)$ (quando $\theta$ é um número
#   real), pois confia que a sua implementação de $J$ está correta.
#
# Então você usa a equação (1) com um $\varepsilon$ pequeno para verificar que o seu código de
# $\frac{\partial J}{\partial \theta}$ está correto. A figura abaixo mostra por que se usa a diferença
# **centrada** de (1), que olha os dois lados de $\theta$, e não a diferença de um lado só
# $\frac{J(\theta + \varepsilon) - J(\theta)}{\varepsilon}$: a inclinação da secante centrada fica muito
# mais perto da inclinação da tangente. O erro dela diminui como $\varepsilon^2$; o da diferença de um
# lado só, apenas como $\varepsilon$. (Aqui $\varepsilon$ é enorme para que você veja as secantes.)

# %%
if not GRADING:
    labels = {"cost": "J(θ)", "tangent": "tangent: the true slope", "centred": "centered secant, formula (1)", "one_sided": "one-sided secant"}  # [en]
    labels = {"cost": "J(θ)", "tangent": "tangente: a inclinação verdadeira", "centred": "secante centrada, fórmula (1)", "one_sided": "secante de um lado só"}  # [pt]
    plot_centred_difference(lambda t: t ** 3 / 3 - t, lambda t: t ** 2 - 1, theta=1.2, epsilon=0.6, labels=labels)
    plt.title("Figure 1: two numerical estimates of a slope")  # [en]
    plt.title("Figura 1: duas estimativas numéricas de uma inclinação")  # [pt]
    plt.show()

# %% [markdown] lang="en"
# ## 3 - One-dimensional gradient checking
#
# Consider a one-dimensional linear function $J(\theta) = \theta x$. The model contains only a single
# real-valued parameter $\theta$, and takes $x$ as input.
#
# You will implement code to compute $J(.)$ and its derivative $\frac{\partial J}{\partial \theta}$. You
# will then use gradient checking to make sure your derivative computation for $J$ is correct.
#
# The figure below shows the key computation steps. First start with $x$, then evaluate the function
# $J(\theta)$ ("forward propagation"). Then compute the derivative $\frac{\partial J}{\partial \theta}$
# ("backward propagation").

# %% [markdown] lang="pt"
# ## 3 - Verificação de gradiente em uma dimensão
#
# Considere a função linear de uma dimensão $J(\theta) = \theta x$. O modelo tem um único parâmetro real,
# $\theta$, e recebe $x$ como entrada.
#
# Você vai implementar o código que calcula $J(.)$ e a sua derivada $\frac{\partial J}{\partial \theta}$.
# Depois vai usar a verificação de gradiente para ter certeza de que o cálculo da derivada de $J$ está
# correto.
#
# A figura abaixo mostra os passos principais do cálculo. Comece com $x$ e avalie a função $J(\theta)$
# ("propagação para frente"). Depois calcule a derivada $\frac{\partial J}{\partial \theta}$ ("propagação
# para trás").

# %%
if not GRADING:
    draw_computation_graph(forward_label="forward propagation", backward_label="backward propagation: ∂J/∂θ = x")  # [en]
    draw_computation_graph(forward_label="propagação para frente", backward_label="propagação para trás: ∂J/∂θ = x")  # [pt]
    plt.title("Figure 2: the one-dimensional linear model")  # [en]
    plt.title("Figura 2: o modelo linear de uma dimensão")  # [pt]
    plt.show()

# %% [markdown] lang="en"
# **Exercise**: implement "forward propagation" for this simple function, that is, compute $J(.)$ as in
# the figure above.

# %% [markdown] lang="pt"
# **Exercício**: implemente a "propagação para frente" desta função simples, isto é, calcule $J(.)$
# como na figura acima.

# %% grade_id="forward_propagation" kind="solution"
# en: GRADED FUNCTION: forward_propagation
# pt: FUNÇÃO AVALIADA: forward_propagation

def forward_propagation(x, theta):
    """
    en: Forward propagation of the linear model of figure 2: the cost J(θ) = θ·x.
    pt: Propagação para frente do modelo linear da figura 2: o custo J(θ) = θ·x.

    en: Parameters
    pt: Parâmetros
    ----------
    en: x : float, the input
    pt: x : float, a entrada
    en: theta : float, the parameter
    pt: theta : float, o parâmetro

    en: Returns
    pt: Retorna
    -------
    en: J : float, the value of the cost at theta
    pt: J : float, o valor do custo em theta
    """
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    J = theta * x
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return J


# %% grade_id="forward_propagation_example" kind="tests" points=1
"""
en: Check forward_propagation on the example x = 2, θ = 4. Expected output: J = 8
pt: Verifica forward_propagation no exemplo x = 2, θ = 4. Saída esperada: J = 8
"""
x, theta = forward_propagation_test_case()
J = forward_propagation(x, theta)
print("J = " + str(J))
check_close("J", J, 8)
passed()

# %% grade_id="forward_propagation_hidden" kind="tests" points=2
# en: Hidden tests of forward_propagation: other inputs, negative and fractional values.
# pt: Testes ocultos de forward_propagation: outras entradas, valores negativos e fracionários.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/gradient_checking.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/gradient_checking.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# **Exercise**: now implement the "backward propagation" step (derivative computation) of the figure,
# that is, compute the derivative of $J(\theta) = \theta x$ with respect to $\theta$. To save you from
# doing the calculus, you should get $d\theta = \frac{\partial J}{\partial \theta} = x$.

# %% [markdown] lang="pt"
# **Exercício**: agora implemente o passo de "propagação para trás" (o cálculo da derivada) da figura,
# isto é, calcule a derivada de $J(\theta) = \theta x$ em relação a $\theta$. Para poupar você dos cálculos:
# o resultado deve ser $d\theta = \frac{\partial J}{\partial \theta} = x$.

# %% grade_id="backward_propagation" kind="solution"
# en: GRADED FUNCTION: backward_propagation
# pt: FUNÇÃO AVALIADA: backward_propagation

def backward_propagation(x, theta):
    """
    en: The derivative of J(θ) = θ·x with respect to θ (figure 2).
    pt: A derivada de J(θ) = θ·x em relação a θ (figura 2).

    en: Parameters
    pt: Parâmetros
    ----------
    en: x : float, the input
    pt: x : float, a entrada
    en: theta : float, the parameter
    pt: theta : float, o parâmetro

    en: Returns
    pt: Retorna
    -------
    en: dtheta : float, the gradient of the cost with respect to theta
    pt: dtheta : float, o gradiente do custo em relação a theta
    """
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    dtheta = x
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return dtheta


# %% grade_id="backward_propagation_example" kind="tests" points=1
"""
en: Check backward_propagation on the example x = 2, θ = 4. Expected output: dtheta = 2
pt: Verifica backward_propagation no exemplo x = 2, θ = 4. Saída esperada: dtheta = 2
"""
x, theta = backward_propagation_test_case()
dtheta = backward_propagation(x, theta)
print("dtheta = " + str(dtheta))
check_close("dtheta", dtheta, 2)
passed()

# %% grade_id="backward_propagation_hidden" kind="tests" points=2
# en: Hidden tests of backward_propagation: other inputs, negative and fractional values.
# pt: Testes ocultos de backward_propagation: outras entradas, valores negativos e fracionários.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/gradient_checking.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/gradient_checking.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# **Exercise**: to show that the `backward_propagation()` function is correctly computing the gradient
# $\frac{\partial J}{\partial \theta}$, let us implement gradient checking.
#
# **Instructions**:
# - First compute "gradapprox" using formula (1) and a small value of $\varepsilon$. Here are the steps
#   to follow:
#     1. $\theta^{+} = \theta + \varepsilon$
#     2. $\theta^{-} = \theta - \varepsilon$
#     3. $J^{+} = J(\theta^{+})$
#     4. $J^{-} = J(\theta^{-})$
#     5. $gradapprox = \frac{J^{+} - J^{-}}{2  \varepsilon}$
# - Then compute the gradient using backward propagation, and store the result in a variable "grad".
# - Finally, compute the relative difference between "gradapprox" and "grad" using the following
#   formula:
# $$ difference = \frac {\mid\mid grad - gradapprox \mid\mid_2}{\mid\mid grad \mid\mid_2 + \mid\mid gradapprox \mid\mid_2} \tag{2}$$
#   You will need 3 steps to compute this formula:
#     - 1'. compute the numerator using `np.linalg.norm(...)`;
#     - 2'. compute the denominator. You will need to call `np.linalg.norm(...)` twice;
#     - 3'. divide them.
# - If this difference is small (say less than $10^{-7}$), you can be quite confident that you have
#   computed your gradient correctly. Otherwise, there may be a mistake in the gradient computation.
#
# The tests of this function replace `forward_propagation` and `backward_propagation` by a cost of their
# own while they run: call those two functions by their names, and use the argument `epsilon`.

# %% [markdown] lang="pt"
# **Exercício**: para mostrar que a função `backward_propagation()` calcula corretamente o gradiente
# $\frac{\partial J}{\partial \theta}$, vamos implementar a verificação de gradiente.
#
# **Instruções**:
# - Primeiro calcule "gradapprox" com a fórmula (1) e um valor pequeno de $\varepsilon$. Estes são os
#   passos:
#     1. $\theta^{+} = \theta + \varepsilon$
#     2. $\theta^{-} = \theta - \varepsilon$
#     3. $J^{+} = J(\theta^{+})$
#     4. $J^{-} = J(\theta^{-})$
#     5. $gradapprox = \frac{J^{+} - J^{-}}{2  \varepsilon}$
# - Depois calcule o gradiente pela propagação para trás e guarde o resultado na variável "grad".
# - Por fim, calcule a diferença relativa entre "gradapprox" e "grad" com a fórmula:
# $$ difference = \frac {\mid\mid grad - gradapprox \mid\mid_2}{\mid\mid grad \mid\mid_2 + \mid\mid gradapprox \mid\mid_2} \tag{2}$$
#   São 3 passos para calcular essa fórmula:
#     - 1'. calcule o numerador com `np.linalg.norm(...)`;
#     - 2'. calcule o denominador. Você vai precisar chamar `np.linalg.norm(...)` duas vezes;
#     - 3'. divida um pelo outro.
# - Se essa diferença for pequena (digamos, menor que $10^{-7}$), você pode ter bastante confiança de que
#   calculou o gradiente corretamente. Caso contrário, pode haver um erro no cálculo do gradiente.
#
# Os testes desta função trocam `forward_propagation` e `backward_propagation` por um custo próprio
# enquanto rodam: chame essas duas funções pelo nome e use o argumento `epsilon`.

# %% grade_id="gradient_check" kind="solution"
# en: GRADED FUNCTION: gradient_check
# pt: FUNÇÃO AVALIADA: gradient_check

def gradient_check(x, theta, epsilon=1e-7):
    """
    en: Gradient checking of the one-dimensional model: backward_propagation against formula (1).
    pt: Verificação de gradiente do modelo de uma dimensão: backward_propagation contra a fórmula (1).

    en: Parameters
    pt: Parâmetros
    ----------
    en: x : float, the input
    pt: x : float, a entrada
    en: theta : float, the parameter
    pt: theta : float, o parâmetro
    en: epsilon : float, the tiny shift of theta in formula (1)
    pt: epsilon : float, o pequeno deslocamento de theta na fórmula (1)

    en: Returns
    pt: Retorna
    -------
    en: difference : float, the relative difference of formula (2) between the two gradients
    pt: difference : float, a diferença relativa da fórmula (2) entre os dois gradientes
    """
    # en: Compute gradapprox using the right side of formula (1), the centered difference. epsilon is small enough: no limit to take.
    # pt: Calcule gradapprox com o lado direito da fórmula (1), a diferença centrada. epsilon é pequeno o bastante: não há limite a tomar.
    ### en: START CODE HERE ### (≈ 5 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 5 linhas)
    ### BEGIN SOLUTION
    thetaplus = theta + epsilon
    thetaminus = theta - epsilon
    J_plus = forward_propagation(x, thetaplus)
    J_minus = forward_propagation(x, thetaminus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###

    # en: The gradient computed by backward propagation.
    # pt: O gradiente calculado pela propagação para trás.
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    grad = backward_propagation(x, theta)
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###

    # en: The relative difference of formula (2), in the three steps 1', 2', 3'.
    # pt: A diferença relativa da fórmula (2), nos três passos 1', 2', 3'.
    ### en: START CODE HERE ### (≈ 3 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 3 linhas)
    ### BEGIN SOLUTION
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###

    if difference < 1e-7:
        print("The gradient is correct!")  # [en]
        print("O gradiente está correto!")  # [pt]
    else:
        print("The gradient is wrong!")  # [en]
        print("O gradiente está errado!")  # [pt]
    return difference


# %% grade_id="gradient_check_example" kind="tests" points=1
"""
en: Check gradient_check alone. While this test runs, forward_propagation and backward_propagation are replaced
en: by the test's cost J(θ) = x·θ³ and its derivative 3·x·θ², so the result does not depend on your two functions
en: above. With x = 2, θ = 4 and epsilon = 1e-3, formula (1) is off by exactly x·ε² = 2e-6. Expected output:
pt: Verifica gradient_check sozinha. Enquanto este teste roda, forward_propagation e backward_propagation são
pt: trocadas pelo custo do teste, J(θ) = x·θ³, e pela sua derivada 3·x·θ²; assim o resultado não depende das suas
pt: duas funções acima. Com x = 2, θ = 4 e epsilon = 1e-3, a fórmula (1) erra exatamente x·ε² = 2e-6. Saída esperada:
en: The gradient is correct!
pt: O gradiente está correto!
en: difference = 1.04167...e-08
pt: diferença = 1.04167...e-08
"""
x, theta, cubic_forward, cubic_backward = gradient_check_test_case()
with replaced(globals(), forward_propagation=cubic_forward, backward_propagation=cubic_backward):
    difference = gradient_check(x, theta, epsilon=1e-3)
print("difference = " + str(difference))  # [en]
print("diferença = " + str(difference))  # [pt]
check_close("difference", difference, 1.0416666558e-08, rtol=1e-3, atol=0)
passed()

# %% grade_id="gradient_check_hidden" kind="tests" points=2
# en: Hidden tests of gradient_check: non-linear costs given by the test, several epsilons, a wrong derivative, the message.
# pt: Testes ocultos de gradient_check: custos não lineares dados pelo teste, vários epsilons, uma derivada errada, a mensagem.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/gradient_checking.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/gradient_checking.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Now run your gradient checking on the model of this section, $J(\theta) = \theta x$ with $x = 2$ and
# $\theta = 4$, with your own `forward_propagation` and `backward_propagation`.
#
# **Expected output**:
# ```
# The gradient is correct!
# difference = 2.919335883...e-10
# ```
#
# Congrats, the difference is smaller than the $10^{-7}$ threshold. So you can have high confidence that
# you have correctly computed the gradient in `backward_propagation()`. (Notice that on this linear cost a
# one-sided difference would be exact as well: that is why the test above used a cubic cost of its own.)

# %% [markdown] lang="pt"
# Agora rode a sua verificação de gradiente no modelo desta seção, $J(\theta) = \theta x$ com $x = 2$ e
# $\theta = 4$, com as suas próprias `forward_propagation` e `backward_propagation`.
#
# **Saída esperada**:
# ```
# O gradiente está correto!
# diferença = 2.919335883...e-10
# ```
#
# Parabéns, a diferença é menor que o limiar de $10^{-7}$. Então você pode ter bastante confiança de que
# calculou corretamente o gradiente em `backward_propagation()`. (Repare que, neste custo linear, uma
# diferença de um lado só também seria exata: é por isso que o teste acima usou um custo cúbico próprio.)

# %%
difference = gradient_check(2, 4)
print("difference = " + str(difference))  # [en]
print("diferença = " + str(difference))  # [pt]

# %% [markdown] lang="en"
# Now, in the more general case, your cost function $J$ has more than a single 1-D input. When you are
# training a neural network, $\theta$ actually consists of multiple matrices $W^{[l]}$ and biases
# $b^{[l]}$! It is important to know how to do a gradient check with higher-dimensional inputs. Let us
# do it!
#
# ## 4 - N-dimensional gradient checking
#
# The fraud-detection model is the three-layer network below, LINEAR -> RELU -> LINEAR -> RELU ->
# LINEAR -> SIGMOID: 4 inputs, hidden layers of 5 and 3 units, one output (the probability that the
# payment is fraudulent).

# %% [markdown] lang="pt"
# No caso mais geral, a função de custo $J$ depende de muitos parâmetros, e não de um só número. Quando
# você treina uma rede neural, $\theta$ na verdade é formado por várias matrizes $W^{[l]}$ e vieses
# (*bias*) $b^{[l]}$! É importante saber fazer a verificação de gradiente com entradas de mais dimensões.
# Vamos lá!
#
# ## 4 - Verificação de gradiente em N dimensões
#
# O modelo de detecção de fraude é a rede de três camadas abaixo, LINEAR -> RELU -> LINEAR -> RELU ->
# LINEAR -> SIGMOID: 4 entradas, camadas ocultas de 5 e 3 unidades, uma saída (a probabilidade de o
# pagamento ser fraudulento).

# %%
if not GRADING:
    draw_network([4, 5, 3, 1], labels=["x", "a[1]", "a[2]", "ŷ"])
    plt.title("Figure 3: deep neural network, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID")  # [en]
    plt.title("Figura 3: rede neural profunda, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID")  # [pt]
    plt.show()

# %% [markdown] lang="en"
# Let us look at your implementations of forward propagation and backward propagation. They are given:
# read them. **Do not edit these two cells**: the tests of this section use them as they are (you will
# fix a copy in section 5).

# %% [markdown] lang="pt"
# Vejamos as suas implementações da propagação para frente e da propagação para trás. Elas já estão
# prontas: leia-as. **Não edite estas duas células**: os testes desta seção as usam do jeito que estão
# (você vai corrigir uma cópia na seção 5).

# %% reference=true
def forward_propagation_n(X, Y, parameters):
    """
    en: Forward propagation of figure 3, and the cross-entropy cost.
    pt: Propagação para frente da figura 3, e o custo de entropia cruzada.

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (4, m), the training set: m examples
    pt: X : ndarray de formato (4, m), o conjunto de treinamento: m exemplos
    en: Y : ndarray of shape (1, m), the labels of the m examples
    pt: Y : ndarray de formato (1, m), os rótulos dos m exemplos
    en: parameters : dict with W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1)
    pt: parameters : dict com W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1)

    en: Returns
    pt: Retorna
    -------
    en: cost : float, the cost function (logistic cost of the m examples)
    pt: cost : float, a função de custo (custo logístico dos m exemplos)
    en: cache : tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), for backward_propagation_n
    pt: cache : tupla (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), para backward_propagation_n
    """
    m = X.shape[1]
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    # en: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID
    # pt: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    # en: Cost
    # pt: Custo
    logprobs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cost = 1. / m * np.sum(logprobs)

    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache


# %% reference=true
def backward_propagation_n(X, Y, cache):
    """
    en: Backward propagation of figure 3 (as given: do not edit).
    pt: Propagação para trás da figura 3 (como foi dada: não edite).

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (4, m), the input datapoints
    pt: X : ndarray de formato (4, m), os pontos de entrada
    en: Y : ndarray of shape (1, m), the true labels
    pt: Y : ndarray de formato (1, m), os rótulos verdadeiros
    en: cache : tuple, the cache output of forward_propagation_n()
    pt: cache : tupla, o cache devolvido por forward_propagation_n()

    en: Returns
    pt: Retorna
    -------
    en: gradients : dict with the gradient of the cost with respect to each parameter, activation and
    en:     pre-activation variable: dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    pt: gradients : dict com o gradiente do custo em relação a cada parâmetro, ativação e variável de
    pt:     pré-ativação: dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) * 2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 4. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% [markdown] lang="en"
# You obtained some results on the fraud-detection test set, but you are not 100 % sure of your model.
# Nobody is perfect! Let us implement gradient checking to verify that your gradients are correct.
#
# **How does gradient checking work?**
#
# As in sections 2 and 3, you want to compare "gradapprox" to the gradient computed by backpropagation.
# The formula is still:
# $$ \frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0} \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon} \tag{1}$$
#
# However, $\theta$ is not a scalar anymore. It is a dictionary called "parameters". We implemented a
# function `dictionary_to_vector()` for you. It converts the "parameters" dictionary into one column vector
# (`parameters_values` in `gradient_check_n`), obtained by reshaping all parameters (W1, b1, W2, b2, W3,
# b3) into vectors and concatenating them. The inverse function is `vector_to_dictionary()`, which outputs back the "parameters"
# dictionary, and `gradients_to_vector()` converts the "gradients" dictionary into a vector "grad" with
# the same layout. Figure 4 shows the layout: each block is flattened row by row, and entry $i$ of
# "grad" is the derivative with respect to entry $i$ of $\theta$. You do not need to worry about that.

# %% [markdown] lang="pt"
# Você obteve alguns resultados no conjunto de teste da detecção de fraude, mas não tem 100 % de certeza
# sobre o seu modelo. Ninguém é perfeito! Vamos implementar a verificação de gradiente para conferir que
# os seus gradientes estão corretos.
#
# **Como funciona a verificação de gradiente?**
#
# Como nas seções 2 e 3, você quer comparar "gradapprox" com o gradiente calculado pela retropropagação.
# A fórmula continua sendo:
# $$ \frac{\partial J}{\partial \theta} = \lim_{\varepsilon \to 0} \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon} \tag{1}$$
#
# Só que agora $\theta$ não é mais um escalar. É um dicionário chamado "parameters". Nós implementamos
# para você a função `dictionary_to_vector()`. Ela converte o dicionário "parameters" em um único vetor
# coluna (`parameters_values` em `gradient_check_n`), obtido transformando todos os parâmetros (W1, b1,
# W2, b2, W3, b3) em vetores e concatenando-os. A função inversa é `vector_to_dictionary()`, que devolve o dicionário "parameters", e
# `gradients_to_vector()` converte o dicionário "gradients" num vetor "grad" com a mesma disposição. A
# figura 4 mostra essa disposição: cada bloco é achatado linha por linha, e o elemento $i$ de "grad" é a
# derivada em relação ao elemento $i$ de $\theta$. Você não precisa se preocupar com isso.

# %%
for name, shape in LAYOUT:
    rows = block_slices()[name]
    print(f"{name} {str(shape):7} -> rows {rows.start:2}..{rows.stop - 1:2} of theta")  # [en]
    print(f"{name} {str(shape):7} -> linhas {rows.start:2}..{rows.stop - 1:2} de theta")  # [pt]
if not GRADING:
    draw_vector_layout(LAYOUT, xlabel="row of theta (a column vector of 47 entries)")  # [en]
    draw_vector_layout(LAYOUT, xlabel="linha de theta (um vetor coluna de 47 elementos)")  # [pt]
    plt.title("Figure 4: dictionary_to_vector() and vector_to_dictionary()")  # [en]
    plt.title("Figura 4: dictionary_to_vector() e vector_to_dictionary()")  # [pt]
    plt.show()

# %% [markdown] lang="en"
# **Exercise**: implement `gradient_check_n()`.
#
# **Instructions**: here is pseudo-code that will help you implement the gradient check.
#
# For each `i` in `num_parameters`:
# - To compute `J_plus[i]`:
#     1. Set $\theta^{+}$ to `np.copy(parameters_values)`
#     2. Set $\theta^{+}_i$ to $\theta^{+}_i + \varepsilon$
#     3. Calculate $J^{+}_i$ using `forward_propagation_n(X, Y, vector_to_dictionary(`$\theta^{+}$`))`.
# - To compute `J_minus[i]`: do the same thing with $\theta^{-}$
# - Compute $gradapprox[i] = \frac{J^{+}_i - J^{-}_i}{2 \varepsilon}$
#
# Thus, you get a vector "gradapprox", where `gradapprox[i]` is an approximation of the gradient with
# respect to `parameters_values[i]`. You can now compare this "gradapprox" vector to the gradient vector
# from backpropagation. Just like for the 1-D case (steps 1', 2', 3'), compute:
# $$ difference = \frac {\| grad - gradapprox \|_2}{\| grad \|_2 + \| gradapprox \|_2 } \tag{3}$$
#
# The threshold is now $2 \times 10^{-7}$: with 47 entries the rounding errors of the $J^{+}_i - J^{-}_i$
# add up, and a correct backpropagation gives about $10^{-7}$ on the test case.
#
# Why `np.copy`? `thetaplus = parameters_values` would not copy anything: both names would point to the
# same array, and every change of `thetaplus` would change `parameters_values` too. Each entry must be
# moved away from the **original** $\theta$, and only that entry.

# %% [markdown] lang="pt"
# **Exercício**: implemente `gradient_check_n()`.
#
# **Instruções**: eis um pseudocódigo que vai ajudar a implementar a verificação de gradiente.
#
# Para cada `i` em `num_parameters`:
# - Para calcular `J_plus[i]`:
#     1. Faça $\theta^{+}$ igual a `np.copy(parameters_values)`
#     2. Faça $\theta^{+}_i$ igual a $\theta^{+}_i + \varepsilon$
#     3. Calcule $J^{+}_i$ com `forward_propagation_n(X, Y, vector_to_dictionary(`$\theta^{+}$`))`.
# - Para calcular `J_minus[i]`: faça o mesmo com $\theta^{-}$
# - Calcule $gradapprox[i] = \frac{J^{+}_i - J^{-}_i}{2 \varepsilon}$
#
# Assim você obtém um vetor "gradapprox", em que `gradapprox[i]` é uma aproximação do gradiente em
# relação a `parameters_values[i]`. Agora você pode comparar esse vetor "gradapprox" com o vetor
# gradiente da retropropagação. Como no caso de uma dimensão (passos 1', 2', 3'), calcule:
# $$ difference = \frac {\| grad - gradapprox \|_2}{\| grad \|_2 + \| gradapprox \|_2 } \tag{3}$$
#
# O limiar agora é $2 \times 10^{-7}$: com 47 elementos, os erros de arredondamento dos
# $J^{+}_i - J^{-}_i$ se acumulam, e uma retropropagação correta dá cerca de $10^{-7}$ no caso de teste.
#
# Por que `np.copy`? `thetaplus = parameters_values` não copia nada: os dois nomes apontariam para o
# mesmo array, e cada mudança em `thetaplus` mudaria `parameters_values` também. Cada elemento deve ser
# deslocado a partir do $\theta$ **original**, e apenas esse elemento.

# %% grade_id="gradient_check_n" kind="solution"
# en: GRADED FUNCTION: gradient_check_n
# pt: FUNÇÃO AVALIADA: gradient_check_n

def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):
    """
    en: Check whether backward_propagation_n computes correctly the gradient of the cost of forward_propagation_n.
    pt: Verifica se backward_propagation_n calcula corretamente o gradiente do custo de forward_propagation_n.

    en: Parameters
    pt: Parâmetros
    ----------
    en: parameters : dict with W1, b1, W2, b2, W3, b3 (left unchanged)
    pt: parameters : dict com W1, b1, W2, b2, W3, b3 (não é alterado)
    en: gradients : dict, the output of backward_propagation_n: the gradients of the cost (left unchanged)
    pt: gradients : dict, a saída de backward_propagation_n: os gradientes do custo (não é alterado)
    en: X : ndarray of shape (4, m), the input datapoints
    pt: X : ndarray de formato (4, m), os pontos de entrada
    en: Y : ndarray of shape (1, m), the true labels
    pt: Y : ndarray de formato (1, m), os rótulos verdadeiros
    en: epsilon : float, the tiny shift of each entry of theta in formula (1)
    pt: epsilon : float, o pequeno deslocamento de cada elemento de theta na fórmula (1)

    en: Returns
    pt: Retorna
    -------
    en: difference : float, the relative difference of formula (3) between gradapprox and the backward propagation
    pt: difference : float, a diferença relativa da fórmula (3) entre gradapprox e a propagação para trás
    """
    # en: Set-up variables
    # pt: Preparação das variáveis
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    # en: Compute gradapprox
    # pt: Cálculo de gradapprox
    for i in range(num_parameters):
        # en: Compute J_plus[i]. Inputs: "parameters_values, epsilon". Output = "J_plus[i]".
        # en: "_" is used because forward_propagation_n outputs two values and we only care about the first one.
        # pt: Calcule J_plus[i]. Entradas: "parameters_values, epsilon". Saída = "J_plus[i]".
        # pt: "_" é usado porque forward_propagation_n devolve dois valores e só o primeiro nos interessa.
        ### en: START CODE HERE ### (≈ 3 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 3 linhas)
        ### BEGIN SOLUTION
        thetaplus = np.copy(parameters_values)
        thetaplus[i][0] = thetaplus[i][0] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###

        # en: Compute J_minus[i]. Inputs: "parameters_values, epsilon". Output = "J_minus[i]".
        # pt: Calcule J_minus[i]. Entradas: "parameters_values, epsilon". Saída = "J_minus[i]".
        ### en: START CODE HERE ### (≈ 3 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 3 linhas)
        ### BEGIN SOLUTION
        thetaminus = np.copy(parameters_values)
        thetaminus[i][0] = thetaminus[i][0] - epsilon
        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###

        # en: Compute gradapprox[i]
        # pt: Calcule gradapprox[i]
        ### en: START CODE HERE ### (≈ 1 line)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
        ### BEGIN SOLUTION
        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###

    # en: Compare gradapprox to backward propagation gradients by computing the difference of formula (3).
    # pt: Compare gradapprox com os gradientes da propagação para trás calculando a diferença da fórmula (3).
    ### en: START CODE HERE ### (≈ 3 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 3 linhas)
    ### BEGIN SOLUTION
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###

    if difference > 2e-7:
        print("There is a mistake in the backward propagation! difference = " + str(difference))  # [en]
        print("Há um erro na propagação para trás! diferença = " + str(difference))  # [pt]
    else:
        print("Your backward propagation works perfectly fine! difference = " + str(difference))  # [en]
        print("A sua propagação para trás funciona perfeitamente! diferença = " + str(difference))  # [pt]
    return difference


# %% grade_id="gradient_check_n_example" kind="tests" points=1
"""
en: Check gradient_check_n on the example, with the provided backward_propagation_n (as given). Expected output:
pt: Verifica gradient_check_n no exemplo, com a backward_propagation_n fornecida (como foi dada). Saída esperada:
en: There is a mistake in the backward propagation! difference = 0.2850931... (the last digits depend on the machine)
pt: Há um erro na propagação para trás! diferença = 0.2850931... (os últimos dígitos dependem da máquina)
"""
X, Y, parameters = gradient_check_n_test_case()
cost, cache = forward_propagation_n(X, Y, parameters)
gradients = backward_propagation_n(X, Y, cache)
difference = gradient_check_n(parameters, gradients, X, Y)
check_close("difference", difference, 0.2850931567761623, rtol=1e-6, atol=0)
passed()

# %% grade_id="gradient_check_n_hidden" kind="tests" points=2
# en: Hidden tests of gradient_check_n: other data and epsilons, right and wrong gradients, a smooth cost given by the
# en: test, the message, and the parameters and gradients passed in must be left unchanged.
# pt: Testes ocultos de gradient_check_n: outros dados e epsilons, gradientes certos e errados, um custo suave dado pelo
# pt: teste, a mensagem, e os parâmetros e gradientes recebidos devem ficar inalterados.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/gradient_checking.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/gradient_checking.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# It seems that there were errors in the `backward_propagation_n` code we gave you! Good that you
# implemented the gradient check. Let us find and correct them.
#
# ## 5 - Find and fix the bugs (ungraded)
#
# `gradient_check_n` says that *something* is wrong, not *where*. To find where, check the blocks $W^{[1]}$,
# $b^{[1]}$, …, $b^{[3]}$ one at a time. The function `block_report` below does it with **your**
# `gradient_check_n`: for each block it freezes all the other blocks (the cost ignores their
# perturbations, and their gradients are set to 0), so the difference it gets is formula (3) on that
# block alone. It uses $\varepsilon = 10^{-5}$: with $10^{-7}$, the rounding errors of $J^{+}_i - J^{-}_i$
# alone reach the threshold on a small block such as $b^{[3]}$, which has a single entry.
#
# A block whose gradient is $k$ times too large has a difference of $\frac{k - 1}{k + 1}$: 0.3333 when it
# is doubled, 0.6 when it is multiplied by 4.

# %% [markdown] lang="pt"
# Parece que havia erros no código de `backward_propagation_n` que demos a você! Que bom que você
# implementou a verificação de gradiente. Vamos encontrá-los e corrigi-los.
#
# ## 5 - Encontre e corrija os erros (não avaliado)
#
# `gradient_check_n` diz que *algo* está errado, não *onde*. Para descobrir onde, verifique os blocos
# $W^{[1]}$, $b^{[1]}$, …, $b^{[3]}$ um de cada vez. A função `block_report` abaixo faz isso com a **sua**
# `gradient_check_n`: para cada bloco, ela congela todos os outros (o custo ignora as perturbações deles,
# e os gradientes deles valem 0), de modo que a diferença obtida é a fórmula (3) só naquele bloco. Ela usa
# $\varepsilon = 10^{-5}$: com $10^{-7}$, só os erros de arredondamento de $J^{+}_i - J^{-}_i$ já
# alcançam o limiar num bloco pequeno como $b^{[3]}$, que tem um único elemento.
#
# Um bloco cujo gradiente está $k$ vezes maior do que deveria tem diferença $\frac{k - 1}{k + 1}$:
# 0,3333 quando é dobrado, 0,6 quando é multiplicado por 4.

# %% reference=true
def block_report(backward, X, Y, parameters, epsilon=1e-5):
    """
    en: The difference of formula (3) on each block W1, ..., b3, measured by your gradient_check_n on that block alone.
    pt: A diferença da fórmula (3) em cada bloco W1, ..., b3, medida pela sua gradient_check_n só naquele bloco.

    en: Parameters
    pt: Parâmetros
    ----------
    en: backward : function (X, Y, cache) -> gradients, the backward propagation to check
    pt: backward : função (X, Y, cache) -> gradients, a propagação para trás a verificar
    en: X, Y, parameters : as for gradient_check_n
    pt: X, Y, parameters : como em gradient_check_n
    en: epsilon : float, the shift of formula (1)
    pt: epsilon : float, o deslocamento da fórmula (1)

    en: Returns
    pt: Retorna
    -------
    en: differences : dict, block name -> difference, in the order of LAYOUT
    pt: differences : dict, nome do bloco -> diferença, na ordem de LAYOUT
    """
    full_forward = forward_propagation_n
    cost, cache = full_forward(X, Y, parameters)
    gradients = backward(X, Y, cache)
    differences = {}
    for name, shape in LAYOUT:
        def frozen_forward(X, Y, perturbed, name=name):
            # en: Only block `name` of the perturbed parameters reaches the cost.
            # pt: Só o bloco `name` dos parâmetros perturbados chega ao custo.
            return full_forward(X, Y, dict(parameters, **{name: perturbed[name]}))
        block_gradients = {"d" + other: np.zeros(other_shape) for other, other_shape in LAYOUT}
        block_gradients["d" + name] = gradients["d" + name]
        # en: gradient_check_n calls forward_propagation_n by its name: give that name to frozen_forward for a while.
        # pt: gradient_check_n chama forward_propagation_n pelo nome: dê esse nome a frozen_forward por um tempo.
        globals()["forward_propagation_n"] = frozen_forward
        try:
            with contextlib.redirect_stdout(io.StringIO()), np.errstate(invalid="ignore", divide="ignore"):
                differences[name] = np.asarray(gradient_check_n(parameters, block_gradients, X, Y, epsilon)).item()
        finally:
            globals()["forward_propagation_n"] = full_forward
    return differences


# %%
def show_block_report(differences, title, threshold=2e-7):
    """
    en: Print the per-block report as a table and draw it as a bar plot.
    pt: Imprime o relatório por bloco como uma tabela e o desenha como um gráfico de barras.
    """
    print(f"{'block':6} {'shape':8} {'rows of theta':16} {'difference':>11}  verdict")  # [en]
    print(f"{'bloco':6} {'formato':8} {'linhas de theta':16} {'diferença':>11}  veredito")  # [pt]
    for name, shape in LAYOUT:
        rows = f"{block_slices()[name].start}..{block_slices()[name].stop - 1}"
        verdict = "DISAGREE" if differences[name] > threshold else "agree"  # [en]
        verdict = "DISCORDA" if differences[name] > threshold else "concorda"  # [pt]
        print(f"{name:6} {str(shape):8} {rows:16} {differences[name]:11.4g}  {verdict}")
    if GRADING:
        return
    plot_block_report(differences, threshold, ylabel="difference, formula (3)", threshold_label="threshold 2e-7", title=title)  # [en]
    plot_block_report(differences, threshold, ylabel="diferença, fórmula (3)", threshold_label="limiar 2e-7", title=title)  # [pt]
    plt.show()


# %% [markdown] lang="en"
# Run the report on the `backward_propagation_n` we gave you:

# %% [markdown] lang="pt"
# Rode o relatório na `backward_propagation_n` que demos a você:

# %%
X, Y, parameters = gradient_check_n_test_case()
differences = block_report(backward_propagation_n, X, Y, parameters)
show_block_report(differences, "Figure 5: backward_propagation_n, block by block")  # [en]
show_block_report(differences, "Figura 5: backward_propagation_n, bloco a bloco")  # [pt]

# %% [markdown] lang="en"
# **Exercise (ungraded)**: two blocks disagree. Read the lines of `backward_propagation_n` that compute
# their gradients, compare them with the lines of the blocks that agree, and find the two bugs. Then
# write the two corrected lines in `backward_propagation_n_fixed` below: it starts from the gradients of
# `backward_propagation_n` (which also hold `dZ1`, `dZ2`, …) and replaces the two wrong ones. Leave
# `backward_propagation_n` itself as it is.

# %% [markdown] lang="pt"
# **Exercício (não avaliado)**: dois blocos discordam. Leia as linhas de `backward_propagation_n` que
# calculam os gradientes deles, compare-as com as linhas dos blocos que concordam e encontre os dois
# erros. Depois escreva as duas linhas corrigidas em `backward_propagation_n_fixed` abaixo: ela parte dos
# gradientes de `backward_propagation_n` (que também trazem `dZ1`, `dZ2`, …) e troca os dois errados.
# Deixe a própria `backward_propagation_n` como está.

# %% grade_id="backward_propagation_n_fixed" kind="solution"
# en: UNGRADED EXERCISE: backward_propagation_n_fixed
# pt: EXERCÍCIO NÃO AVALIADO: backward_propagation_n_fixed

def backward_propagation_n_fixed(X, Y, cache):
    """
    en: backward_propagation_n with its two bugs fixed.
    pt: backward_propagation_n com os seus dois erros corrigidos.

    en: Parameters and Returns: as for backward_propagation_n.
    pt: Parâmetros e retorno: como em backward_propagation_n.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    gradients = backward_propagation_n(X, Y, cache)
    dZ2 = gradients["dZ2"]
    dZ1 = gradients["dZ1"]
    # en: Replace the two wrong gradients, e.g. gradients["dW3"] = ... (it is not one of them).
    # pt: Troque os dois gradientes errados, por exemplo gradients["dW3"] = ... (ele não é um deles).
    ### en: START CODE HERE ### (≈ 2 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
    ### BEGIN SOLUTION
    gradients["dW2"] = 1. / m * np.dot(dZ2, A1.T)
    gradients["db1"] = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return gradients


# %% [markdown] lang="en"
# Check your fix: every block should now agree, and `gradient_check_n` should accept the whole gradient.
#
# **Expected output** (the last digits of the difference vary from one computer to another):
# ```
# Your backward propagation works perfectly fine! difference = 1.2e-07
# ```

# %% [markdown] lang="pt"
# Confira a sua correção: agora todos os blocos devem concordar, e `gradient_check_n` deve aceitar o
# gradiente inteiro.
#
# **Saída esperada** (os últimos dígitos da diferença variam de um computador para outro):
# ```
# A sua propagação para trás funciona perfeitamente! diferença = 1.2e-07
# ```

# %%
differences = block_report(backward_propagation_n_fixed, X, Y, parameters)
show_block_report(differences, "Figure 6: backward_propagation_n_fixed, block by block")  # [en]
show_block_report(differences, "Figura 6: backward_propagation_n_fixed, bloco a bloco")  # [pt]
cost, cache = forward_propagation_n(X, Y, parameters)
gradients = backward_propagation_n_fixed(X, Y, cache)
difference = gradient_check_n(parameters, gradients, X, Y)

# %% [markdown] lang="en"
# ## 6 - Notes
#
# - Gradient checking is **slow**! Approximating the gradient with
#   $\frac{\partial J}{\partial \theta} \approx  \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$
#   costs two forward propagations per parameter: 94 here for 47 parameters, millions for a real network.
#   So you do not run gradient checking at every iteration during training. Just a few times, to check
#   that the gradient is correct, then turn it off and use backpropagation for the actual learning
#   process.
# - Gradient checking, at least as we have presented it, **does not work with dropout**: a real dropout
#   implementation draws new random masks at every forward pass, so $J(\theta + \varepsilon)$ and
#   $J(\theta - \varepsilon)$ would not measure the same function. You would usually run the gradient check
#   without dropout (`keep_prob = 1`) to make sure your backpropagation is correct, then add dropout.
# - If the cost has an L2 regularization term, the gradient check must use the regularized cost too.
#
# Congrats, you can be confident that your deep learning model for fraud detection is working
# correctly! You can even use this to convince your CEO. :)
#
# <font color='blue'>**What you should remember from this notebook**:
# - Gradient checking verifies closeness between the gradients from backpropagation and the numerical
#   approximation of the gradient (computed using forward propagation).
# - Use the centered difference $\frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$,
#   perturb one parameter at a time from a **copy** of the original $\theta$, and compare with the
#   relative difference of formula (3).
# - Gradient checking is slow, so we don't run it in every iteration of training. You would usually run
#   it only to make sure your code is correct, then turn it off and use backpropagation for the actual
#   learning process.
# - Checking one block of parameters at a time tells you where a bug is.</font>

# %% [markdown] lang="pt"
# ## 6 - Notas
#
# - A verificação de gradiente é **lenta**! Aproximar o gradiente por
#   $\frac{\partial J}{\partial \theta} \approx  \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$
#   custa duas propagações para frente por parâmetro: 94 aqui, para 47 parâmetros; milhões numa rede de
#   verdade. Por isso você não roda a verificação de gradiente a cada iteração do treinamento. Só algumas
#   vezes, para conferir que o gradiente está correto; depois a desliga e usa a retropropagação no
#   aprendizado propriamente dito.
# - A verificação de gradiente, pelo menos como a apresentamos, **não funciona com dropout**: uma
#   implementação real de dropout sorteia máscaras novas a cada propagação para frente, então
#   $J(\theta + \varepsilon)$ e $J(\theta - \varepsilon)$ não mediriam a mesma função. Normalmente você
#   roda a verificação de gradiente sem dropout (`keep_prob = 1`) para ter certeza de que a
#   retropropagação está correta, e depois acrescenta o dropout.
# - Se o custo tem um termo de regularização L2, a verificação de gradiente também deve usar o custo
#   regularizado.
#
# Parabéns, você pode ter confiança de que o seu modelo de aprendizado profundo para detecção de fraude
# funciona corretamente! Dá até para convencer o seu CEO. :)
#
# <font color='blue'>**O que você deve lembrar deste notebook**:
# - A verificação de gradiente confere a proximidade entre os gradientes da retropropagação e a
#   aproximação numérica do gradiente (calculada com a propagação para frente).
# - Use a diferença centrada $\frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$,
#   desloque um parâmetro de cada vez a partir de uma **cópia** do $\theta$ original e compare pela
#   diferença relativa da fórmula (3).
# - A verificação de gradiente é lenta, por isso não a rodamos a cada iteração do treinamento.
#   Normalmente você a roda só para ter certeza de que o código está correto; depois a desliga e usa a
#   retropropagação no aprendizado propriamente dito.
# - Verificar um bloco de parâmetros de cada vez mostra onde está o erro.</font>
