# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   pack:
#     order: 1
#     notebook: deep_nn.ipynb
#     files: [dnn_utils.py, dnn_testcases.py, testCases.py, language.py, figures.py, dnn_figures.py]
#     preload: [sklearn.datasets]
#     titles: {en: "Building a Deep Neural Network, Step by Step", pt: "Construindo uma rede neural profunda, passo a passo"}
# ---

# %% [markdown] lang="en"
# # Building a Deep Neural Network, Step by Step
#
# Welcome to this assignment! You will build, one function at a time, everything a deep neural network
# needs: initialization, forward propagation, cost, backward propagation and the parameter update. At the
# end you will put the pieces together and train a network with as many layers as you like.
#
# - You will use non-linear units such as ReLU in the hidden layers and a sigmoid unit in the output layer.
# - You will build a network with more than one hidden layer.
# - You will write reusable functions: the same ten functions work for a network of any depth.
#
# **You will learn to:** initialize the parameters of an L-layer network, implement its forward and backward
# propagation as small modules that pass *caches* to each other, compute the cross-entropy cost and update the
# parameters by gradient descent.
#
# **Instructions**
# - Write your code only between `### START CODE HERE ###` and `### END CODE HERE ###`: replace
#   `# YOUR CODE HERE` and the `raise NotImplementedError()` line with your code. The comment `(≈ N lines)`
#   says roughly how much code is expected.
# - Do not add, delete or move the test cells. Each one checks the function just above it and tells you
#   which output is wrong. The autograder runs the same checks plus hidden ones on other inputs (other
#   sizes, deeper networks).
# - Run the cells in order, from the top.
#
# **Notation**
# - Superscript $[l]$ denotes a quantity associated with the $l^{th}$ layer.
#     - Example: $a^{[L]}$ is the activation of layer $L$; $W^{[L]}$ and $b^{[L]}$ are the parameters of layer $L$.
# - Superscript $(i)$ denotes a quantity associated with the $i^{th}$ example.
#     - Example: $x^{(i)}$ is the $i^{th}$ training example.
# - Subscript $i$ denotes the $i^{th}$ entry of a vector.
#     - Example: $a^{[l]}_i$ is the $i^{th}$ entry of the activations of layer $l$.
# - The examples are the **columns** of a matrix: $X$ has shape $(n^{[0]}, m)$ for $m$ examples of
#   $n^{[0]}$ features, and $A^{[l]}$ has shape $(n^{[l]}, m)$, where $n^{[l]}$ is the number of units of layer $l$.

# %% [markdown] lang="pt"
# # Construindo uma rede neural profunda, passo a passo
#
# Bem-vindo a esta tarefa! Você vai construir, uma função de cada vez, tudo de que uma rede neural profunda
# precisa: inicialização, propagação para frente, custo, retropropagação e atualização dos parâmetros. No
# final, vai juntar as peças e treinar uma rede com quantas camadas quiser.
#
# - Você vai usar unidades não lineares, como a ReLU, nas camadas ocultas e uma unidade sigmoide na camada de saída.
# - Você vai construir uma rede com mais de uma camada oculta.
# - Você vai escrever funções reutilizáveis: as mesmas dez funções servem para uma rede de qualquer profundidade.
#
# **Você vai aprender a:** inicializar os parâmetros de uma rede de L camadas, implementar a propagação para
# frente e para trás dessa rede como pequenos módulos que passam *caches* uns aos outros, calcular o custo de
# entropia cruzada e atualizar os parâmetros por descida de gradiente.
#
# **Instruções**
# - Escreva o seu código somente entre `### INICIE O SEU CÓDIGO AQUI ###` e
#   `### TERMINE O SEU CÓDIGO AQUI ###`: substitua `# SEU CÓDIGO AQUI` e a linha `raise NotImplementedError()`
#   pelo seu código. O comentário `(≈ N linhas)` indica aproximadamente quantas linhas de código são esperadas.
# - Não acrescente, apague nem mova as células de teste. Cada uma verifica a função logo acima e diz qual
#   saída está errada. O corretor automático roda as mesmas verificações e outras, ocultas, com outras entradas
#   (outros tamanhos, redes mais profundas).
# - Rode as células em ordem, de cima para baixo.
#
# **Notação**
# - O sobrescrito $[l]$ indica uma grandeza associada à camada $l$.
#     - Exemplo: $a^{[L]}$ é a ativação da camada $L$; $W^{[L]}$ e $b^{[L]}$ são os parâmetros da camada $L$.
# - O sobrescrito $(i)$ indica uma grandeza associada ao exemplo $i$.
#     - Exemplo: $x^{(i)}$ é o $i$-ésimo exemplo de treinamento.
# - O subscrito $i$ indica o $i$-ésimo elemento de um vetor.
#     - Exemplo: $a^{[l]}_i$ é o $i$-ésimo elemento das ativações da camada $l$.
# - Os exemplos são as **colunas** de uma matriz: $X$ tem formato $(n^{[0]}, m)$ para $m$ exemplos de
#   $n^{[0]}$ atributos, e $A^{[l]}$ tem formato $(n^{[l]}, m)$, em que $n^{[l]}$ é o número de unidades da camada $l$.

# %% [markdown] lang="en"
# ## 1 - Packages
#
# - [numpy](https://numpy.org) for all the computation;
# - [matplotlib](https://matplotlib.org) for the plots;
# - `dnn_utils` provides the activations `sigmoid` and `relu` and their backward steps `sigmoid_backward` and
#   `relu_backward`, and the small dataset of the last section;
# - `dnn_testcases` gives the inputs of the tests and `testCases` readable checks;
# - `dnn_figures` and `figures` draw the figures of this notebook.

# %% [markdown] lang="pt"
# ## 1 - Pacotes
#
# - [numpy](https://numpy.org) para todos os cálculos;
# - [matplotlib](https://matplotlib.org) para os gráficos;
# - `dnn_utils` fornece as ativações `sigmoid` e `relu`, seus passos para trás `sigmoid_backward` e
#   `relu_backward`, e o pequeno conjunto de dados da última seção;
# - `dnn_testcases` fornece as entradas dos testes e `testCases`, verificações legíveis;
# - `dnn_figures` e `figures` desenham as figuras deste notebook.

# %% imports=true
import os

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from dnn_utils import sigmoid, sigmoid_backward, relu, relu_backward, load_moons
from testCases import *
from dnn_testcases import *
from dnn_figures import draw_modules, plot_boundary
from figures import plot_costs, plot_field

# %matplotlib inline
plt.rcParams["figure.figsize"] = (6.0, 4.5)
set_language("en")  # [en]
set_language("pt")  # [pt]
# en: The autograder (nbgrader sets NBGRADER_EXECUTION) trains for a few iterations only: no grade depends on training.
# pt: O corretor automático (o nbgrader define NBGRADER_EXECUTION) treina só algumas iterações: nenhuma nota depende do treinamento.
GRADING = "NBGRADER_EXECUTION" in os.environ

# %% [markdown] lang="en"
# ## 2 - Outline of the assignment
#
# To build your neural network you will write several helper functions, which the last section puts
# together into an $L$-layer network. Each function comes with detailed instructions. Here is the plan:
#
# - Initialize the parameters of a two-layer network and of an $L$-layer network.
# - Implement the forward propagation module (the top row of the figure below):
#      - the LINEAR part of a layer's forward step, which gives $Z^{[l]}$;
#      - the ACTIVATION function (relu or sigmoid), given to you;
#      - the two combined into one LINEAR->ACTIVATION forward step;
#      - [LINEAR->RELU] stacked $L-1$ times (layers $1$ to $L-1$) and a LINEAR->SIGMOID at the end (layer $L$):
#        the function `L_model_forward`.
# - Compute the cost.
# - Implement the backward propagation module (the bottom row of the figure below):
#      - the LINEAR part of a layer's backward step;
#      - the gradient of the ACTIVATE function (`relu_backward` or `sigmoid_backward`), given to you;
#      - the two combined into one LINEAR->ACTIVATION backward step;
#      - [LINEAR->RELU] backward $L-1$ times and LINEAR->SIGMOID backward once: the function `L_model_backward`.
# - Update the parameters.
#
# Run the cell to draw the figure (here for $L = 3$).

# %% [markdown] lang="pt"
# ## 2 - Roteiro da tarefa
#
# Para construir a sua rede neural você vai escrever várias funções auxiliares, que a última seção junta em
# uma rede de $L$ camadas. Cada função vem com instruções detalhadas. O plano é este:
#
# - Inicializar os parâmetros de uma rede de duas camadas e de uma rede de $L$ camadas.
# - Implementar o módulo de propagação para frente (a linha de cima da figura abaixo):
#      - a parte LINEAR do passo para frente de uma camada, que dá $Z^{[l]}$;
#      - a função de ATIVAÇÃO (relu ou sigmoid), já pronta;
#      - as duas combinadas em um só passo para frente LINEAR->ATIVAÇÃO;
#      - [LINEAR->RELU] empilhado $L-1$ vezes (camadas $1$ a $L-1$) e um LINEAR->SIGMOID no final (camada $L$):
#        a função `L_model_forward`.
# - Calcular o custo.
# - Implementar o módulo de retropropagação (a linha de baixo da figura abaixo):
#      - a parte LINEAR do passo para trás de uma camada;
#      - o gradiente da função de ATIVAÇÃO (`relu_backward` ou `sigmoid_backward`), já pronto;
#      - os dois combinados em um só passo para trás LINEAR->ATIVAÇÃO;
#      - [LINEAR->RELU] para trás $L-1$ vezes e LINEAR->SIGMOID para trás uma vez: a função `L_model_backward`.
# - Atualizar os parâmetros.
#
# Rode a célula para desenhar a figura (aqui para $L = 3$).

# %%
draw_modules(3, forward="forward propagation", backward="backward propagation", cache="cache", cost="cost")  # [en]
draw_modules(3, forward="propagação para frente", backward="retropropagação", cache="cache", cost="custo")  # [pt]
plt.show()

# %% [markdown] lang="en"
# **Note**: for every forward function there is a matching backward function. That is why every step of the
# forward module stores some values in a **cache** (the dashed arrows): the backward step of the same layer
# needs them to compute the gradients. In the backward module you will use the caches to compute the
# gradients. This assignment shows you exactly how to carry out each of these steps.
#
# ## 3 - Initialization
#
# You will write two helper functions that initialize the parameters of your model. The first one initializes
# a two-layer model; the second one generalizes it to $L$ layers.
#
# ### 3.1 - Two-layer neural network
#
# **Exercise**: create and initialize the parameters of the two-layer network.
#
# **Instructions**:
# - The model's structure is: *LINEAR -> RELU -> LINEAR -> SIGMOID*.
# - Use random initialization for the weight matrices: `np.random.randn(a, b) * 0.01` for a matrix of
#   shape $(a, b)$. The factor 0.01 keeps the weights small.
# - Use zero initialization for the bias vectors: `np.zeros((a, 1))`.
# - `np.random.randn` takes the sizes as separate arguments; `np.zeros` takes a tuple.
# - Draw `W1` first, then `W2`: the seed is fixed at the start of the function (the given `np.random.seed(1)`),
#   and the tests expect this order.

# %% [markdown] lang="pt"
# **Nota**: para cada função de propagação para frente existe uma função de retropropagação correspondente. Por
# isso cada passo do módulo para frente guarda alguns valores em um **cache** (as setas tracejadas): o passo
# para trás da mesma camada precisa deles para calcular os gradientes. No módulo de retropropagação você vai
# usar os caches para calcular os gradientes. Esta tarefa mostra exatamente como fazer cada um desses passos.
#
# ## 3 - Inicialização
#
# Você vai escrever duas funções auxiliares que inicializam os parâmetros do seu modelo. A primeira
# inicializa um modelo de duas camadas; a segunda generaliza para $L$ camadas.
#
# ### 3.1 - Rede neural de duas camadas
#
# **Exercício**: crie e inicialize os parâmetros da rede de duas camadas.
#
# **Instruções**:
# - A estrutura do modelo é: *LINEAR -> RELU -> LINEAR -> SIGMOID*.
# - Use inicialização aleatória para as matrizes de pesos: `np.random.randn(a, b) * 0.01` para uma matriz de
#   formato $(a, b)$. O fator 0,01 mantém os pesos pequenos.
# - Use inicialização com zeros para os vetores de vieses (*bias*): `np.zeros((a, 1))`.
# - `np.random.randn` recebe os tamanhos como argumentos separados; `np.zeros` recebe uma tupla.
# - Sorteie `W1` primeiro e depois `W2`: a semente é fixada no início da função (o `np.random.seed(1)` já
#   escrito), e os testes esperam essa ordem.

# %% grade_id="initialize_parameters" kind="solution"
# en: GRADED FUNCTION: initialize_parameters
# pt: FUNÇÃO AVALIADA: initialize_parameters

def initialize_parameters(n_x, n_h, n_y):
    """
    en: Initialize the parameters of a two-layer network LINEAR -> RELU -> LINEAR -> SIGMOID.
    pt: Inicializa os parâmetros de uma rede de duas camadas LINEAR -> RELU -> LINEAR -> SIGMOID.

    en: Parameters
    pt: Parâmetros
    ----------
    en: n_x : int, size of the input layer
    pt: n_x : int, tamanho da camada de entrada
    en: n_h : int, size of the hidden layer
    pt: n_h : int, tamanho da camada oculta
    en: n_y : int, size of the output layer
    pt: n_y : int, tamanho da camada de saída

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict with
    pt: parameters : dict com
        en: W1 : weight matrix of shape (n_h, n_x)
        pt: W1 : matriz de pesos de formato (n_h, n_x)
        en: b1 : bias vector of shape (n_h, 1)
        pt: b1 : vetor de vieses de formato (n_h, 1)
        en: W2 : weight matrix of shape (n_y, n_h)
        pt: W2 : matriz de pesos de formato (n_y, n_h)
        en: b2 : bias vector of shape (n_y, 1)
        pt: b2 : vetor de vieses de formato (n_y, 1)
    """
    np.random.seed(1)
    ### en: START CODE HERE ### (≈ 4 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 4 linhas)
    ### BEGIN SOLUTION
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# %% grade_id="initialize_parameters_example" kind="tests" points=1
"""
en: Check initialize_parameters(3, 2, 1). Expected output:
pt: Verifica initialize_parameters(3, 2, 1). Saída esperada:
W1 = [[ 0.01624345 -0.00611756 -0.00528172]
 [-0.01072969  0.00865408 -0.02301539]]
b1 = [[0.]
 [0.]]
W2 = [[ 0.01744812 -0.00761207]]
b2 = [[0.]]
"""
parameters = initialize_parameters(3, 2, 1)
print("W1 = " + str(parameters["W1"]))
print("b1 = " + str(parameters["b1"]))
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))
check_keys("parameters", parameters, ["W1", "b1", "W2", "b2"])
check_close("W1", parameters["W1"], [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]])
check_close("b1", parameters["b1"], np.zeros((2, 1)))
check_close("W2", parameters["W2"], [[0.01744812, -0.00761207]])
check_close("b2", parameters["b2"], np.zeros((1, 1)))
passed()

# %% grade_id="initialize_parameters_hidden" kind="tests" points=2
# en: Hidden tests of initialize_parameters: other layer sizes; the shape and values of every parameter.
# pt: Testes ocultos de initialize_parameters: outros tamanhos de camada; o formato e os valores de cada parâmetro.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ### 3.2 - L-layer neural network
#
# The initialization of a deeper L-layer network is more complicated because there are many more weight
# matrices and bias vectors. When you write `initialize_parameters_deep`, make sure the dimensions match
# between layers. Recall that $n^{[l]}$ is the number of units in layer $l$. If the input $X$ has shape
# $(n^{[0]}, m)$, then:
#
# | | shape of W | shape of b | linear output | shape of $Z^{[l]}$ (and of $A^{[l]}$) |
# |---|---|---|---|---|
# | **layer 1** | $(n^{[1]}, n^{[0]})$ | $(n^{[1]}, 1)$ | $Z^{[1]} = W^{[1]} X + b^{[1]}$ | $(n^{[1]}, m)$ |
# | **layer 2** | $(n^{[2]}, n^{[1]})$ | $(n^{[2]}, 1)$ | $Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$ | $(n^{[2]}, m)$ |
# | $\vdots$ | $\vdots$ | $\vdots$ | $\vdots$ | $\vdots$ |
# | **layer L-1** | $(n^{[L-1]}, n^{[L-2]})$ | $(n^{[L-1]}, 1)$ | $Z^{[L-1]} = W^{[L-1]} A^{[L-2]} + b^{[L-1]}$ | $(n^{[L-1]}, m)$ |
# | **layer L** | $(n^{[L]}, n^{[L-1]})$ | $(n^{[L]}, 1)$ | $Z^{[L]} = W^{[L]} A^{[L-1]} + b^{[L]}$ | $(n^{[L]}, m)$ |
#
# **Broadcasting.** When you compute $W X + b$ in Python, the product $W X$ has shape $(n^{[1]}, m)$ but $b$ is
# a column of shape $(n^{[1]}, 1)$. numpy *broadcasts* $b$: it adds the same column to each of the $m$
# columns of $W X$, as if $b$ were copied $m$ times. For example, if
# $$ W = \begin{bmatrix} j & k & l\\ m & n & o \\ p & q & r \end{bmatrix}\;\;\; X = \begin{bmatrix} a & b & c\\ d & e & f \\ g & h & i \end{bmatrix} \;\;\; b =\begin{bmatrix} s \\ t \\ u \end{bmatrix}\tag{1}$$
# then $WX + b$ is:
# $$ WX + b = \begin{bmatrix} (ja + kd + lg) + s  & (jb + ke + lh) + s  & (jc + kf + li)+ s\\ (ma + nd + og) + t & (mb + ne + oh) + t & (mc + nf + oi) + t\\ (pa + qd + rg) + u & (pb + qe + rh) + u & (pc + qf + ri)+ u \end{bmatrix}\tag{2}$$
# Run the cell below to see it with numbers: the column `b` is added to both columns of `np.dot(W, X)`.

# %% [markdown] lang="pt"
# ### 3.2 - Rede neural de L camadas
#
# A inicialização de uma rede mais profunda, de L camadas, é mais complicada porque há muito mais matrizes de
# pesos e vetores de vieses. Ao escrever `initialize_parameters_deep`, garanta que as dimensões se encaixem de
# uma camada para a outra. Lembre que $n^{[l]}$ é o número de unidades da camada $l$. Se a entrada $X$ tem
# formato $(n^{[0]}, m)$, então:
#
# | | formato de W | formato de b | saída linear | formato de $Z^{[l]}$ (e de $A^{[l]}$) |
# |---|---|---|---|---|
# | **camada 1** | $(n^{[1]}, n^{[0]})$ | $(n^{[1]}, 1)$ | $Z^{[1]} = W^{[1]} X + b^{[1]}$ | $(n^{[1]}, m)$ |
# | **camada 2** | $(n^{[2]}, n^{[1]})$ | $(n^{[2]}, 1)$ | $Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$ | $(n^{[2]}, m)$ |
# | $\vdots$ | $\vdots$ | $\vdots$ | $\vdots$ | $\vdots$ |
# | **camada L-1** | $(n^{[L-1]}, n^{[L-2]})$ | $(n^{[L-1]}, 1)$ | $Z^{[L-1]} = W^{[L-1]} A^{[L-2]} + b^{[L-1]}$ | $(n^{[L-1]}, m)$ |
# | **camada L** | $(n^{[L]}, n^{[L-1]})$ | $(n^{[L]}, 1)$ | $Z^{[L]} = W^{[L]} A^{[L-1]} + b^{[L]}$ | $(n^{[L]}, m)$ |
#
# **Broadcasting (difusão).** Quando você calcula $W X + b$ em Python, o produto $W X$ tem formato
# $(n^{[1]}, m)$, mas $b$ é uma coluna de formato $(n^{[1]}, 1)$. O numpy faz o *broadcasting* de $b$: soma a
# mesma coluna a cada uma das $m$ colunas de $W X$, como se $b$ fosse copiado $m$ vezes. Por exemplo, se
# $$ W = \begin{bmatrix} j & k & l\\ m & n & o \\ p & q & r \end{bmatrix}\;\;\; X = \begin{bmatrix} a & b & c\\ d & e & f \\ g & h & i \end{bmatrix} \;\;\; b =\begin{bmatrix} s \\ t \\ u \end{bmatrix}\tag{1}$$
# então $WX + b$ é:
# $$ WX + b = \begin{bmatrix} (ja + kd + lg) + s  & (jb + ke + lh) + s  & (jc + kf + li)+ s\\ (ma + nd + og) + t & (mb + ne + oh) + t & (mc + nf + oi) + t\\ (pa + qd + rg) + u & (pb + qe + rh) + u & (pc + qf + ri)+ u \end{bmatrix}\tag{2}$$
# Rode a célula abaixo para ver isso com números: a coluna `b` é somada às duas colunas de `np.dot(W, X)`.

# %%
W = np.array([[1, 2, 3], [4, 5, 6]])
X = np.array([[1, 0], [0, 1], [1, 1]])
b = np.array([[10], [20]])
print("np.dot(W, X) =\n" + str(np.dot(W, X)))
print("np.dot(W, X) + b =\n" + str(np.dot(W, X) + b))

# %% [markdown] lang="en"
# **Exercise**: implement the initialization of an L-layer neural network.
#
# **Instructions**:
# - The model's structure is *[LINEAR -> RELU] $\times$ (L-1) -> LINEAR -> SIGMOID*: $L-1$ layers use a ReLU
#   activation and the output layer uses a sigmoid.
# - Use random initialization for the weight matrices: `np.random.randn(a, b) * 0.01` (sizes as separate
#   arguments).
# - Use zero initialization for the bias vectors: `np.zeros((a, 1))` (a tuple).
# - The sizes $n^{[l]}$ are stored in the list `layer_dims`, input layer first. For example, `layer_dims`
#   for a network with 2 input features, one hidden layer of 4 units and an output layer of 1 unit is
#   `[2, 4, 1]`: `W1` has shape (4, 2), `b1` (4, 1), `W2` (1, 4) and `b2` (1, 1). Now generalize this to $L$ layers!
# - Here is the implementation for a single-layer network ($L=1$), to inspire you. Its `layer_dims` is
#   `[n_0, n_1]`, so `len(layer_dims) == 2`: inside `initialize_parameters_deep`, `L = len(layer_dims)` counts
#   the input layer too.
# ```python
#     if len(layer_dims) == 2:
#         parameters["W1"] = np.random.randn(layer_dims[1], layer_dims[0]) * 0.01
#         parameters["b1"] = np.zeros((layer_dims[1], 1))
# ```

# %% [markdown] lang="pt"
# **Exercício**: implemente a inicialização de uma rede neural de L camadas.
#
# **Instruções**:
# - A estrutura do modelo é *[LINEAR -> RELU] $\times$ (L-1) -> LINEAR -> SIGMOID*: $L-1$ camadas usam a
#   ativação ReLU e a camada de saída usa a sigmoide.
# - Use inicialização aleatória para as matrizes de pesos: `np.random.randn(a, b) * 0.01` (os tamanhos como
#   argumentos separados).
# - Use inicialização com zeros para os vetores de vieses: `np.zeros((a, 1))` (uma tupla).
# - Os tamanhos $n^{[l]}$ estão na lista `layer_dims`, a camada de entrada primeiro. Por exemplo, `layer_dims`
#   de uma rede com 2 atributos de entrada, uma camada oculta de 4 unidades e uma camada de saída de 1 unidade é
#   `[2, 4, 1]`: `W1` tem formato (4, 2), `b1` (4, 1), `W2` (1, 4) e `b2` (1, 1). Agora generalize para $L$ camadas!
# - Esta é a implementação para uma rede de uma só camada ($L=1$), para inspirar você. O `layer_dims` dessa
#   rede é `[n_0, n_1]`, portanto `len(layer_dims) == 2`: dentro de `initialize_parameters_deep`, `L = len(layer_dims)`
#   conta também a camada de entrada.
# ```python
#     if len(layer_dims) == 2:
#         parameters["W1"] = np.random.randn(layer_dims[1], layer_dims[0]) * 0.01
#         parameters["b1"] = np.zeros((layer_dims[1], 1))
# ```

# %% grade_id="initialize_parameters_deep" kind="solution"
# en: GRADED FUNCTION: initialize_parameters_deep
# pt: FUNÇÃO AVALIADA: initialize_parameters_deep

def initialize_parameters_deep(layer_dims):
    """
    en: Initialize the parameters of an L-layer network: small random weights and zero bias vectors.
    pt: Inicializa os parâmetros de uma rede de L camadas: pesos aleatórios pequenos e vetores de vieses nulos.

    en: Parameters
    pt: Parâmetros
    ----------
    en: layer_dims : list of int, the size of each layer, input layer first: [n_0, n_1, ..., n_L]
    pt: layer_dims : lista de int, o tamanho de cada camada, a de entrada primeiro: [n_0, n_1, ..., n_L]

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict with "W1", "b1", ..., "WL", "bL" for the L layers of the network:
    pt: parameters : dict com "W1", "b1", ..., "WL", "bL" para as L camadas da rede:
        en: Wl : weight matrix of shape (layer_dims[l], layer_dims[l - 1])
        pt: Wl : matriz de pesos de formato (layer_dims[l], layer_dims[l - 1])
        en: bl : bias vector of shape (layer_dims[l], 1)
        pt: bl : vetor de vieses de formato (layer_dims[l], 1)
    """
    np.random.seed(3)
    parameters = {}
    # en: number of layers in the network, the input layer included
    # pt: número de camadas da rede, incluindo a camada de entrada
    L = len(layer_dims)

    for l in range(1, L):
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return parameters


# %% grade_id="initialize_parameters_deep_example" kind="tests" points=1
"""
en: Check initialize_parameters_deep([5, 4, 3]). Expected output:
pt: Verifica initialize_parameters_deep([5, 4, 3]). Saída esperada:
W1 = [[ 0.01788628  0.0043651   0.00096497 -0.01863493 -0.00277388]
 [-0.00354759 -0.00082741 -0.00627001 -0.00043818 -0.00477218]
 [-0.01313865  0.00884622  0.00881318  0.01709573  0.00050034]
 [-0.00404677 -0.0054536  -0.01546477  0.00982367 -0.01101068]]
b1 = [[0.]
 [0.]
 [0.]
 [0.]]
W2 = [[-0.01185047 -0.0020565   0.01486148  0.00236716]
 [-0.01023785 -0.00712993  0.00625245 -0.00160513]
 [-0.00768836 -0.00230031  0.00745056  0.01976111]]
b2 = [[0.]
 [0.]
 [0.]]
"""
parameters = initialize_parameters_deep([5, 4, 3])
print("W1 = " + str(parameters["W1"]))
print("b1 = " + str(parameters["b1"]))
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))
check_keys("parameters", parameters, ["W1", "b1", "W2", "b2"])
check_length("parameters", list(parameters), 4)
check_close("W1", parameters["W1"], [[0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
                                     [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
                                     [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
                                     [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068]])
check_close("b1", parameters["b1"], np.zeros((4, 1)))
check_close("W2", parameters["W2"], [[-0.01185047, -0.0020565, 0.01486148, 0.00236716],
                                     [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
                                     [-0.00768836, -0.00230031, 0.00745056, 0.01976111]])
check_close("b2", parameters["b2"], np.zeros((3, 1)))
passed()

# %% grade_id="initialize_parameters_deep_hidden" kind="tests" points=2
# en: Hidden tests of initialize_parameters_deep: deeper networks and a single layer; every parameter, and no extra ones.
# pt: Testes ocultos de initialize_parameters_deep: redes mais profundas e uma só camada; todos os parâmetros, e nenhum a mais.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ## 4 - Forward propagation module
#
# ### 4.1 - Linear forward
#
# Now that you have initialized your parameters, you will do the forward propagation module. You will start
# by implementing some basic functions that you will use later when implementing the model. You will
# complete three functions in this order:
#
# - LINEAR
# - LINEAR -> ACTIVATION, where ACTIVATION is either ReLU or sigmoid
# - [LINEAR -> RELU] $\times$ (L-1) -> LINEAR -> SIGMOID (the whole model)
#
# The linear forward module (vectorized over all the examples) computes the following equation:
#
# $$Z^{[l]} = W^{[l]}A^{[l-1]} +b^{[l]}\tag{3}$$
#
# where $A^{[0]} = X$.
#
# **Exercise**: build the linear part of forward propagation.
#
# **Reminder**: the mathematical representation of this unit is $Z^{[l]} = W^{[l]}A^{[l-1]} +b^{[l]}$. You may
# also find `np.dot()` useful. If your dimensions don't match, printing `W.shape` may help.

# %% [markdown] lang="pt"
# ## 4 - Módulo de propagação para frente
#
# ### 4.1 - Parte linear para frente
#
# Com os parâmetros inicializados, você vai fazer o módulo de propagação para frente. Vai começar
# implementando algumas funções básicas que usará mais tarde, ao implementar o modelo. Você vai completar três
# funções, nesta ordem:
#
# - LINEAR
# - LINEAR -> ATIVAÇÃO, em que ATIVAÇÃO é a ReLU ou a sigmoide
# - [LINEAR -> RELU] $\times$ (L-1) -> LINEAR -> SIGMOID (o modelo inteiro)
#
# O módulo linear para frente (vetorizado sobre todos os exemplos) calcula a seguinte equação:
#
# $$Z^{[l]} = W^{[l]}A^{[l-1]} +b^{[l]}\tag{3}$$
#
# em que $A^{[0]} = X$.
#
# **Exercício**: construa a parte linear da propagação para frente.
#
# **Lembrete**: a representação matemática desta unidade é $Z^{[l]} = W^{[l]}A^{[l-1]} +b^{[l]}$. A função
# `np.dot()` pode ajudar. Se as dimensões não baterem, imprimir `W.shape` pode ajudar.

# %% grade_id="linear_forward" kind="solution"
# en: GRADED FUNCTION: linear_forward
# pt: FUNÇÃO AVALIADA: linear_forward

def linear_forward(A, W, b):
    """
    en: The linear part of a layer's forward propagation.
    pt: A parte linear da propagação para frente de uma camada.

    en: Parameters
    pt: Parâmetros
    ----------
    en: A : ndarray of shape (size of the previous layer, m), activations of the previous layer (or the input data)
    pt: A : ndarray de formato (tamanho da camada anterior, m), ativações da camada anterior (ou os dados de entrada)
    en: W : ndarray of shape (size of the current layer, size of the previous layer), the weight matrix
    pt: W : ndarray de formato (tamanho da camada atual, tamanho da camada anterior), a matriz de pesos
    en: b : ndarray of shape (size of the current layer, 1), the bias vector
    pt: b : ndarray de formato (tamanho da camada atual, 1), o vetor de vieses

    en: Returns
    pt: Retorna
    -------
    en: Z : ndarray of shape (size of the current layer, m), the input of the activation function
    pt: Z : ndarray de formato (tamanho da camada atual, m), a entrada da função de ativação
    en: cache : tuple (A, W, b), stored for computing the backward pass efficiently
    pt: cache : tupla (A, W, b), guardada para calcular a retropropagação com eficiência
    """
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    Z = np.dot(W, A) + b
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    cache = (A, W, b)
    return Z, cache


# %% grade_id="linear_forward_example" kind="tests" points=1
"""
en: Check linear_forward on the example. Expected output:
pt: Verifica linear_forward no exemplo. Saída esperada:
Z = [[ 3.26295337 -1.23429987]]
"""
A, W, b = linear_forward_test_case()
Z, linear_cache = linear_forward(A, W, b)
print("Z = " + str(Z))
check_close("Z", Z, [[3.26295337, -1.23429987]])
check_length("linear_cache", linear_cache, 3)
passed()

# %% grade_id="linear_forward_hidden" kind="tests" points=2
# en: Hidden tests of linear_forward: other sizes, with a bias vector of several units; Z and the cache (A, W, b).
# pt: Testes ocultos de linear_forward: outros tamanhos, com um vetor de vieses de várias unidades; Z e o cache (A, W, b).
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ### 4.2 - Linear-activation forward
#
# In this notebook you will use two activation functions:
#
# - **Sigmoid**: $\sigma(Z) = \sigma(W A + b) = \frac{1}{ 1 + e^{-(W A + b)}}$. We have provided you with the
#   `sigmoid` function. It returns **two** items: the activation value `A` and a `cache` that contains `Z`
#   (it's what we will feed into the corresponding backward function). To use it you could just call:
# ```python
# A, activation_cache = sigmoid(Z)
# ```
#
# - **ReLU**: the mathematical formula for ReLU is $A = RELU(Z) = max(0, Z)$. We have provided you with the
#   `relu` function. It also returns **two** items: the activation value `A` and a `cache` that contains `Z`.
#   To use it you could just call:
# ```python
# A, activation_cache = relu(Z)
# ```
#
# For more convenience, you are going to group two functions (linear and activation) into one function
# (LINEAR->ACTIVATION). Hence, you will implement a function that does the LINEAR forward step followed by an
# ACTIVATION forward step.
#
# **Exercise**: implement the forward propagation of the *LINEAR->ACTIVATION* layer. The mathematical relation
# is $A^{[l]} = g(Z^{[l]}) = g(W^{[l]}A^{[l-1]} +b^{[l]})$, where the activation $g$ can be sigmoid or relu.
# Use `linear_forward()` and the correct activation function. The cache it returns is the pair
# `(linear_cache, activation_cache)`.

# %% [markdown] lang="pt"
# ### 4.2 - Linear e ativação para frente
#
# Neste notebook você vai usar duas funções de ativação:
#
# - **Sigmoide**: $\sigma(Z) = \sigma(W A + b) = \frac{1}{ 1 + e^{-(W A + b)}}$. A função `sigmoid` já está
#   pronta. Ela retorna **dois** itens: o valor da ativação `A` e um `cache` que contém `Z` (é o que vamos passar
#   para a função de retropropagação correspondente). Para usá-la, basta chamar:
# ```python
# A, activation_cache = sigmoid(Z)
# ```
#
# - **ReLU**: a fórmula matemática da ReLU é $A = RELU(Z) = max(0, Z)$. A função `relu` já está pronta. Ela
#   também retorna **dois** itens: o valor da ativação `A` e um `cache` que contém `Z`. Para usá-la, basta chamar:
# ```python
# A, activation_cache = relu(Z)
# ```
#
# Por conveniência, você vai agrupar as duas funções (linear e ativação) em uma só (LINEAR->ATIVAÇÃO). Ou seja,
# vai implementar uma função que faz o passo LINEAR para frente seguido do passo de ATIVAÇÃO para frente.
#
# **Exercício**: implemente a propagação para frente da camada *LINEAR->ATIVAÇÃO*. A relação matemática é
# $A^{[l]} = g(Z^{[l]}) = g(W^{[l]}A^{[l-1]} +b^{[l]})$, em que a ativação $g$ pode ser a sigmoide ou a relu.
# Use `linear_forward()` e a função de ativação correta. O cache retornado é o par
# `(linear_cache, activation_cache)`.

# %% grade_id="linear_activation_forward" kind="solution"
# en: GRADED FUNCTION: linear_activation_forward
# pt: FUNÇÃO AVALIADA: linear_activation_forward

def linear_activation_forward(A_prev, W, b, activation):
    """
    en: The forward propagation of one LINEAR->ACTIVATION layer.
    pt: A propagação para frente de uma camada LINEAR->ATIVAÇÃO.

    en: Parameters
    pt: Parâmetros
    ----------
    en: A_prev : ndarray of shape (size of the previous layer, m), activations of the previous layer (or the input data)
    pt: A_prev : ndarray de formato (tamanho da camada anterior, m), ativações da camada anterior (ou os dados de entrada)
    en: W : ndarray of shape (size of the current layer, size of the previous layer), the weight matrix
    pt: W : ndarray de formato (tamanho da camada atual, tamanho da camada anterior), a matriz de pesos
    en: b : ndarray of shape (size of the current layer, 1), the bias vector
    pt: b : ndarray de formato (tamanho da camada atual, 1), o vetor de vieses
    en: activation : str, the activation of this layer: "sigmoid" or "relu"
    pt: activation : str, a ativação desta camada: "sigmoid" ou "relu"

    en: Returns
    pt: Retorna
    -------
    en: A : ndarray of shape (size of the current layer, m), the output of the activation function
    pt: A : ndarray de formato (tamanho da camada atual, m), a saída da função de ativação
    en: cache : tuple (linear_cache, activation_cache) = ((A_prev, W, b), Z), stored for the backward pass
    pt: cache : tupla (linear_cache, activation_cache) = ((A_prev, W, b), Z), guardada para a retropropagação
    """
    if activation == "sigmoid":
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    elif activation == "relu":
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    cache = (linear_cache, activation_cache)
    return A, cache


# %% grade_id="linear_activation_forward_example" kind="tests" points=1
"""
en: Check linear_activation_forward on the example, with both activations. Expected output:
pt: Verifica linear_activation_forward no exemplo, com as duas ativações. Saída esperada:
en: With sigmoid: A = [[0.96890023 0.11013289]]
pt: Com sigmoid: A = [[0.96890023 0.11013289]]
en: With ReLU: A = [[3.43896131 0.        ]]
pt: Com ReLU: A = [[3.43896131 0.        ]]
"""
A_prev, W, b = linear_activation_forward_test_case()
A, linear_activation_cache = linear_activation_forward(A_prev, W, b, activation="sigmoid")
print("With sigmoid: A = " + str(A))  # [en]
print("Com sigmoid: A = " + str(A))  # [pt]
check_close("A (sigmoid)", A, [[0.96890023, 0.11013289]])
check_length("linear_activation_cache", linear_activation_cache, 2)
A, linear_activation_cache = linear_activation_forward(A_prev, W, b, activation="relu")
print("With ReLU: A = " + str(A))  # [en]
print("Com ReLU: A = " + str(A))  # [pt]
check_close("A (relu)", A, [[3.43896131, 0.0]])
check_length("linear_activation_cache", linear_activation_cache, 2)
passed()

# %% grade_id="linear_activation_forward_hidden" kind="tests" points=2
# en: Hidden tests of linear_activation_forward: other sizes, both activations; A and the cache ((A_prev, W, b), Z).
# pt: Testes ocultos de linear_activation_forward: outros tamanhos, as duas ativações; A e o cache ((A_prev, W, b), Z).
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# **Note**: in deep learning, the "[LINEAR->ACTIVATION]" computation is counted as a single layer in the
# neural network, not two layers.
#
# ### 4.3 - L-layer model
#
# For even more convenience when implementing the $L$-layer neural network, you will need a function that
# replicates the previous one (`linear_activation_forward` with RELU) $L-1$ times, then follows that with one
# `linear_activation_forward` with SIGMOID: the top row of the figure of section 2.
#
# **Exercise**: implement the forward propagation of the model above.
#
# **Instructions**: in the code below, the variable `AL` denotes
# $A^{[L]} = \sigma(Z^{[L]}) = \sigma(W^{[L]} A^{[L-1]} + b^{[L]})$. (This is sometimes also called `Yhat`,
# i.e., $\hat{Y}$.)
#
# **Tips**:
# - Use the functions you have previously written.
# - Use a for loop to replicate [LINEAR->RELU] $(L-1)$ times.
# - Don't forget to keep track of the caches in the `caches` list. To add a new value `c` to a `list`, you
#   can use `list.append(c)`. `caches` must hold $L$ caches, one per layer, layer 1 first.
# - `L = len(parameters) // 2` is the number of layers: `parameters` holds one `W` and one `b` per layer.

# %% [markdown] lang="pt"
# **Nota**: em aprendizado profundo, o cálculo "[LINEAR->ATIVAÇÃO]" conta como uma única camada da rede neural,
# não como duas.
#
# ### 4.3 - Modelo de L camadas
#
# Para facilitar ainda mais a implementação da rede neural de $L$ camadas, você vai precisar de uma função que
# repete a anterior (`linear_activation_forward` com RELU) $L-1$ vezes e, em seguida, aplica uma
# `linear_activation_forward` com SIGMOID: a linha de cima da figura da seção 2.
#
# **Exercício**: implemente a propagação para frente do modelo acima.
#
# **Instruções**: no código abaixo, a variável `AL` denota
# $A^{[L]} = \sigma(Z^{[L]}) = \sigma(W^{[L]} A^{[L-1]} + b^{[L]})$. (Às vezes ela também é chamada de `Yhat`,
# ou seja, $\hat{Y}$.)
#
# **Dicas**:
# - Use as funções que você já escreveu.
# - Use um laço for para repetir [LINEAR->RELU] $(L-1)$ vezes.
# - Não se esqueça de guardar os caches na lista `caches`. Para acrescentar um valor `c` a uma lista (`list`),
#   use `list.append(c)`. `caches` deve ter $L$ caches, um por camada, a camada 1 primeiro.
# - `L = len(parameters) // 2` é o número de camadas: `parameters` tem um `W` e um `b` por camada.

# %% grade_id="L_model_forward" kind="solution"
# en: GRADED FUNCTION: L_model_forward
# pt: FUNÇÃO AVALIADA: L_model_forward

def L_model_forward(X, parameters):
    """
    en: Forward propagation of the model [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID.
    pt: Propagação para frente do modelo [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID.

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (input size, m), the data
    pt: X : ndarray de formato (tamanho da entrada, m), os dados
    en: parameters : dict, the output of initialize_parameters_deep()
    pt: parameters : dict, a saída de initialize_parameters_deep()

    en: Returns
    pt: Retorna
    -------
    en: AL : ndarray of shape (1, m), the last activation value (the output of the network)
    pt: AL : ndarray de formato (1, m), o último valor de ativação (a saída da rede)
    en: caches : list of the L caches of linear_activation_forward(), layer 1 first (indices 0 to L-1)
    pt: caches : lista dos L caches de linear_activation_forward(), a camada 1 primeiro (índices 0 a L-1)
    """
    caches = []
    A = X
    # en: number of layers in the neural network
    # pt: número de camadas da rede neural
    L = len(parameters) // 2

    # en: [LINEAR -> RELU]*(L-1): add each cache to the list caches.
    # pt: [LINEAR -> RELU]*(L-1): acrescente cada cache à lista caches.
    for l in range(1, L):
        A_prev = A
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], activation="relu")
        caches.append(cache)
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###

    # en: LINEAR -> SIGMOID: add the last cache to the list caches.
    # pt: LINEAR -> SIGMOID: acrescente o último cache à lista caches.
    ### en: START CODE HERE ### (≈ 2 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
    ### BEGIN SOLUTION
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], activation="sigmoid")
    caches.append(cache)
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return AL, caches


# %% grade_id="L_model_forward_example" kind="tests" points=1
"""
en: Check L_model_forward on a network with two hidden layers. Expected output:
pt: Verifica L_model_forward em uma rede com duas camadas ocultas. Saída esperada:
AL = [[0.03921668 0.70498921 0.19734387 0.04728177]]
en: Length of caches list = 3
pt: Tamanho da lista caches = 3
"""
X, parameters = L_model_forward_test_case_2hidden()
AL, caches = L_model_forward(X, parameters)
print("AL = " + str(AL))
print("Length of caches list = " + str(len(caches)))  # [en]
print("Tamanho da lista caches = " + str(len(caches)))  # [pt]
check_close("AL", AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]])
check_length("caches", caches, 3)
passed()

# %% grade_id="L_model_forward_hidden" kind="tests" points=2
# en: Hidden tests of L_model_forward: a deeper network (5 layers) and a single-layer one; AL and every cache.
# pt: Testes ocultos de L_model_forward: uma rede mais profunda (5 camadas) e uma de uma só camada; AL e cada cache.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Great! Now you have a full forward propagation that takes the input X and outputs a row vector $A^{[L]}$
# containing your predictions. It also records all intermediate values in `caches`. Using $A^{[L]}$, you can
# compute the cost of your predictions.
#
# ## 5 - Cost function
#
# Before backpropagation, compute the cost: it shows whether the model is learning.
#
# **Exercise**: compute the cross-entropy cost $J$, using the following formula:
# $$-\frac{1}{m} \sum\limits_{i = 1}^{m} \left(y^{(i)}\log\left(a^{[L] (i)}\right) + (1-y^{(i)})\log\left(1- a^{[L](i)}\right)\right) \tag{4}$$
#
# Both terms matter: the first one counts for the examples of label 1, the second one for the examples of
# label 0. The given line `np.squeeze(cost)` turns a result such as `[[17]]` into the number `17`.

# %% [markdown] lang="pt"
# Ótimo! Agora você tem uma propagação para frente completa, que recebe a entrada X e devolve um vetor linha
# $A^{[L]}$ com as suas predições. Ela também guarda todos os valores intermediários em `caches`. Com $A^{[L]}$,
# você pode calcular o custo das suas predições.
#
# ## 5 - Função de custo
#
# Antes da retropropagação, calcule o custo: é ele que mostra se o modelo está aprendendo.
#
# **Exercício**: calcule o custo de entropia cruzada $J$ com a seguinte fórmula:
# $$-\frac{1}{m} \sum\limits_{i = 1}^{m} \left(y^{(i)}\log\left(a^{[L] (i)}\right) + (1-y^{(i)})\log\left(1- a^{[L](i)}\right)\right) \tag{4}$$
#
# Os dois termos importam: o primeiro conta para os exemplos de rótulo 1, o segundo para os exemplos de rótulo
# 0. A linha já pronta `np.squeeze(cost)` transforma um resultado como `[[17]]` no número `17`.

# %% grade_id="compute_cost" kind="solution"
# en: GRADED FUNCTION: compute_cost
# pt: FUNÇÃO AVALIADA: compute_cost

def compute_cost(AL, Y):
    """
    en: The cross-entropy cost of formula (4).
    pt: O custo de entropia cruzada da fórmula (4).

    en: Parameters
    pt: Parâmetros
    ----------
    en: AL : ndarray of shape (1, m), the probabilities predicted for the label 1
    pt: AL : ndarray de formato (1, m), as probabilidades preditas para o rótulo 1
    en: Y : ndarray of shape (1, m), the true labels (0 or 1)
    pt: Y : ndarray de formato (1, m), os rótulos verdadeiros (0 ou 1)

    en: Returns
    pt: Retorna
    -------
    en: cost : number (0-d), the cross-entropy cost
    pt: cost : número (0-d), o custo de entropia cruzada
    """
    m = Y.shape[1]
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    cost = -1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    # en: makes sure the cost has the shape we expect (e.g. turns [[17]] into 17)
    # pt: garante que o custo tem o formato esperado (por exemplo, transforma [[17]] em 17)
    cost = np.squeeze(cost)
    return cost


# %% grade_id="compute_cost_example" kind="tests" points=1
"""
en: Check compute_cost on Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]] (a label 0: both terms count). Expected output:
pt: Verifica compute_cost com Y = [[1, 1, 0]], AL = [[0.8, 0.9, 0.4]] (um rótulo 0: os dois termos contam). Saída esperada:
en: cost = 0.2797765635...
pt: custo = 0.2797765635...
"""
Y, AL = compute_cost_test_case()
cost = compute_cost(AL, Y)
print("cost = " + str(cost))  # [en]
print("custo = " + str(cost))  # [pt]
check_scalar("cost", cost)
check_close("cost", cost, 0.2797765635793422)
passed()

# %% grade_id="compute_cost_hidden" kind="tests" points=2
# en: Hidden tests of compute_cost: other labels and probabilities, a single example; the value and a single number.
# pt: Testes ocultos de compute_cost: outros rótulos e probabilidades, um só exemplo; o valor e um único número.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ## 6 - Backward propagation module
#
# Just like with forward propagation, you will implement helper functions for backpropagation. Remember that
# backpropagation is used to calculate the gradient of the cost with respect to the parameters. The bottom
# row of the figure of section 2 shows the backward pass: it runs from right to left, from $dA^{[L]}$ to
# $dA^{[0]}$.
#
# **Notation**: the cost (4) is the mean of the losses of the $m$ examples,
# $\mathcal{J} = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{[L](i)}, y^{(i)})$, where
# $\mathcal{L}(a, y) = -\left(y \log a + (1-y) \log(1-a)\right)$ is the loss of one example. In code:
# - `dW1` stands for $\frac{\partial \mathcal{J} }{\partial W^{[1]}}$ and `db1` for
#   $\frac{\partial \mathcal{J} }{\partial b^{[1]}}$: gradients of the **cost**;
# - `dZ1` stands for $\frac{\partial \mathcal{L} }{\partial Z^{[1]}}$ and `dA1` for
#   $\frac{\partial \mathcal{L} }{\partial A^{[1]}}$: derivatives of the **loss**, column by column (column $i$
#   is the derivative of the loss $\mathcal{L}(a^{[L](i)}, y^{(i)})$ of example $i$).
#
# Each gradient has the shape of the quantity it is taken with respect to.
#
# Now, similar to forward propagation, you are going to build the backward propagation in three steps:
# - LINEAR backward
# - LINEAR -> ACTIVATION backward, where ACTIVATION computes the derivative of either the ReLU or the sigmoid
#   activation
# - [LINEAR -> RELU] $\times$ (L-1) -> LINEAR -> SIGMOID backward (the whole model)
#
# ### 6.1 - Linear backward
#
# For layer $l$, the linear part is: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ (followed by an activation).
#
# Suppose you have already calculated the derivative $dZ^{[l]} = \frac{\partial \mathcal{L} }{\partial Z^{[l]}}$.
# You want to get $(dW^{[l]}, db^{[l]}, dA^{[l-1]})$. The three outputs are computed from the input
# $dZ^{[l]}$ and the cache $(A^{[l-1]}, W^{[l]}, b^{[l]})$ with these formulas:
# $$ dW^{[l]} = \frac{\partial \mathcal{J} }{\partial W^{[l]}} = \frac{1}{m} dZ^{[l]} A^{[l-1] T} \tag{5}$$
# $$ db^{[l]} = \frac{\partial \mathcal{J} }{\partial b^{[l]}} = \frac{1}{m} \sum_{i = 1}^{m} dZ^{[l](i)}\tag{6}$$
# $$ dA^{[l-1]} = \frac{\partial \mathcal{L} }{\partial A^{[l-1]}} = W^{[l] T} dZ^{[l]} \tag{7}$$
#
# **Where the $\frac{1}{m}$ of the cost enters**: only in $dW^{[l]}$ and $db^{[l]}$, formulas (5) and (6). The
# parameters are shared by all the examples, so their gradient sums the $m$ columns of $dZ^{[l]}$ and divides by
# $m$, as in the cost (4). $dZ^{[l]}$ and $dA^{[l-1]}$ stay per-example derivatives of the loss: no $\frac{1}{m}$.
#
# **Exercise**: use the three formulas above to implement `linear_backward()`. For $db^{[l]}$, sum over the
# examples (the columns) with `np.sum(..., axis=1, keepdims=True)`, so that `db` keeps the shape of `b`.

# %% [markdown] lang="pt"
# ## 6 - Módulo de retropropagação
#
# Assim como na propagação para frente, você vai implementar funções auxiliares para a retropropagação. Lembre
# que a retropropagação serve para calcular o gradiente do custo em relação aos parâmetros. A linha de baixo da
# figura da seção 2 mostra a propagação para trás: ela vai da direita para a esquerda, de $dA^{[L]}$ até
# $dA^{[0]}$.
#
# **Notação**: o custo (4) é a média das perdas dos $m$ exemplos,
# $\mathcal{J} = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{[L](i)}, y^{(i)})$, em que
# $\mathcal{L}(a, y) = -\left(y \log a + (1-y) \log(1-a)\right)$ é a perda de um exemplo. No código:
# - `dW1` representa $\frac{\partial \mathcal{J} }{\partial W^{[1]}}$ e `db1`,
#   $\frac{\partial \mathcal{J} }{\partial b^{[1]}}$: gradientes do **custo**;
# - `dZ1` representa $\frac{\partial \mathcal{L} }{\partial Z^{[1]}}$ e `dA1`,
#   $\frac{\partial \mathcal{L} }{\partial A^{[1]}}$: derivadas da **perda**, coluna por coluna (a coluna $i$ é
#   a derivada da perda $\mathcal{L}(a^{[L](i)}, y^{(i)})$ do exemplo $i$).
#
# Cada gradiente tem o formato da grandeza em relação à qual se deriva.
#
# Agora, como na propagação para frente, você vai construir a retropropagação em três passos:
# - LINEAR para trás
# - LINEAR -> ATIVAÇÃO para trás, em que ATIVAÇÃO calcula a derivada da ReLU ou da sigmoide
# - [LINEAR -> RELU] $\times$ (L-1) -> LINEAR -> SIGMOID para trás (o modelo inteiro)
#
# ### 6.1 - Parte linear para trás
#
# Na camada $l$, a parte linear é: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ (seguida de uma ativação).
#
# Suponha que você já calculou a derivada $dZ^{[l]} = \frac{\partial \mathcal{L} }{\partial Z^{[l]}}$. Você quer
# obter $(dW^{[l]}, db^{[l]}, dA^{[l-1]})$. As três saídas são calculadas a partir da entrada $dZ^{[l]}$ e do
# cache $(A^{[l-1]}, W^{[l]}, b^{[l]})$ com estas fórmulas:
# $$ dW^{[l]} = \frac{\partial \mathcal{J} }{\partial W^{[l]}} = \frac{1}{m} dZ^{[l]} A^{[l-1] T} \tag{5}$$
# $$ db^{[l]} = \frac{\partial \mathcal{J} }{\partial b^{[l]}} = \frac{1}{m} \sum_{i = 1}^{m} dZ^{[l](i)}\tag{6}$$
# $$ dA^{[l-1]} = \frac{\partial \mathcal{L} }{\partial A^{[l-1]}} = W^{[l] T} dZ^{[l]} \tag{7}$$
#
# **Onde entra o $\frac{1}{m}$ do custo**: só em $dW^{[l]}$ e $db^{[l]}$, fórmulas (5) e (6). Os parâmetros são
# compartilhados por todos os exemplos; por isso o gradiente deles soma as $m$ colunas de $dZ^{[l]}$ e divide
# por $m$, como no custo (4). $dZ^{[l]}$ e $dA^{[l-1]}$ continuam sendo derivadas da perda de cada exemplo: sem
# $\frac{1}{m}$.
#
# **Exercício**: use as três fórmulas acima para implementar `linear_backward()`. Para $db^{[l]}$, some sobre os
# exemplos (as colunas) com `np.sum(..., axis=1, keepdims=True)`, para que `db` mantenha o formato de `b`.

# %% grade_id="linear_backward" kind="solution"
# en: GRADED FUNCTION: linear_backward
# pt: FUNÇÃO AVALIADA: linear_backward

def linear_backward(dZ, cache):
    """
    en: The linear part of the backward propagation of one layer l.
    pt: A parte linear da retropropagação de uma camada l.

    en: Parameters
    pt: Parâmetros
    ----------
    en: dZ : ndarray of shape (size of layer l, m), the derivative of the loss with respect to the linear output Z of layer l (one column per example)
    pt: dZ : ndarray de formato (tamanho da camada l, m), a derivada da perda em relação à saída linear Z da camada l (uma coluna por exemplo)
    en: cache : tuple (A_prev, W, b) from the forward propagation of layer l
    pt: cache : tupla (A_prev, W, b) da propagação para frente da camada l

    en: Returns
    pt: Retorna
    -------
    en: dA_prev : derivative of the loss with respect to the activation A_prev of layer l-1, same shape as A_prev
    pt: dA_prev : derivada da perda em relação à ativação A_prev da camada l-1, mesmo formato de A_prev
    en: dW : gradient of the cost with respect to W (of layer l), same shape as W
    pt: dW : gradiente do custo em relação a W (da camada l), mesmo formato de W
    en: db : gradient of the cost with respect to b (of layer l), same shape as b
    pt: db : gradiente do custo em relação a b (da camada l), mesmo formato de b
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    ### en: START CODE HERE ### (≈ 3 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 3 linhas)
    ### BEGIN SOLUTION
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return dA_prev, dW, db


# %% grade_id="linear_backward_example" kind="tests" points=1
"""
en: Check linear_backward on the example. Expected output:
pt: Verifica linear_backward no exemplo. Saída esperada:
dA_prev = [[-1.15171336  0.06718465 -0.3204696   2.09812712]
 [ 0.60345879 -3.72508701  5.81700741 -3.84326836]
 [-0.4319552  -1.30987417  1.72354705  0.05070578]
 [-0.38981415  0.60811244 -1.25938424  1.47191593]
 [-2.52214926  2.67882552 -0.67947465  1.48119548]]
dW = [[ 0.07313866 -0.0976715  -0.87585828  0.73763362  0.00785716]
 [ 0.85508818  0.37530413 -0.59912655  0.71278189 -0.58931808]
 [ 0.97913304 -0.24376494 -0.08839671  0.55151192 -0.10290907]]
db = [[-0.14713786]
 [-0.11313155]
 [-0.13209101]]
"""
dZ, linear_cache = linear_backward_test_case()
dA_prev, dW, db = linear_backward(dZ, linear_cache)
print("dA_prev = " + str(dA_prev))
print("dW = " + str(dW))
print("db = " + str(db))
check_close("dA_prev", dA_prev, [[-1.15171336, 0.06718465, -0.3204696, 2.09812712],
                                 [0.60345879, -3.72508701, 5.81700741, -3.84326836],
                                 [-0.4319552, -1.30987417, 1.72354705, 0.05070578],
                                 [-0.38981415, 0.60811244, -1.25938424, 1.47191593],
                                 [-2.52214926, 2.67882552, -0.67947465, 1.48119548]])
check_close("dW", dW, [[0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716],
                       [0.85508818, 0.37530413, -0.59912655, 0.71278189, -0.58931808],
                       [0.97913304, -0.24376494, -0.08839671, 0.55151192, -0.10290907]])
check_close("db", db, [[-0.14713786], [-0.11313155], [-0.13209101]])
passed()

# %% grade_id="linear_backward_hidden" kind="tests" points=2
# en: Hidden tests of linear_backward: other sizes and numbers of examples; dA_prev, dW and db.
# pt: Testes ocultos de linear_backward: outros tamanhos e números de exemplos; dA_prev, dW e db.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ### 6.2 - Linear-activation backward
#
# Next, you will write **`linear_activation_backward`**, which combines the activation's backward step
# (`relu_backward`/`sigmoid_backward`) with **`linear_backward`**.
#
# To help you implement `linear_activation_backward`, we provided two backward functions:
# - **`sigmoid_backward`**: implements the backward propagation of a SIGMOID unit. You can call it as follows:
# ```python
# dZ = sigmoid_backward(dA, activation_cache)
# ```
# - **`relu_backward`**: implements the backward propagation of a RELU unit. You can call it as follows:
# ```python
# dZ = relu_backward(dA, activation_cache)
# ```
#
# If $g(.)$ is the activation function, `sigmoid_backward` and `relu_backward` compute
# $$dZ^{[l]} = dA^{[l]} * g'(Z^{[l]}) \tag{8}$$
# (an elementwise product).
#
# **Exercise**: implement the backpropagation of the *LINEAR->ACTIVATION* layer.

# %% [markdown] lang="pt"
# ### 6.2 - Linear e ativação para trás
#
# Em seguida, você vai escrever **`linear_activation_backward`**, que combina o passo para trás da ativação
# (`relu_backward`/`sigmoid_backward`) com **`linear_backward`**.
#
# Para ajudar na implementação de `linear_activation_backward`, duas funções para trás já estão prontas:
# - **`sigmoid_backward`**: implementa a retropropagação de uma unidade SIGMOID. Chame-a assim:
# ```python
# dZ = sigmoid_backward(dA, activation_cache)
# ```
# - **`relu_backward`**: implementa a retropropagação de uma unidade RELU. Chame-a assim:
# ```python
# dZ = relu_backward(dA, activation_cache)
# ```
#
# Se $g(.)$ é a função de ativação, `sigmoid_backward` e `relu_backward` calculam
# $$dZ^{[l]} = dA^{[l]} * g'(Z^{[l]}) \tag{8}$$
# (um produto elemento a elemento).
#
# **Exercício**: implemente a retropropagação da camada *LINEAR->ATIVAÇÃO*.

# %% grade_id="linear_activation_backward" kind="solution"
# en: GRADED FUNCTION: linear_activation_backward
# pt: FUNÇÃO AVALIADA: linear_activation_backward

def linear_activation_backward(dA, cache, activation):
    """
    en: The backward propagation of one LINEAR->ACTIVATION layer.
    pt: A retropropagação de uma camada LINEAR->ATIVAÇÃO.

    en: Parameters
    pt: Parâmetros
    ----------
    en: dA : ndarray of shape (size of layer l, m), the derivative of the loss with respect to the activation of layer l
    pt: dA : ndarray de formato (tamanho da camada l, m), a derivada da perda em relação à ativação da camada l
    en: cache : tuple (linear_cache, activation_cache) stored by linear_activation_forward()
    pt: cache : tupla (linear_cache, activation_cache) guardada por linear_activation_forward()
    en: activation : str, the activation of this layer: "sigmoid" or "relu"
    pt: activation : str, a ativação desta camada: "sigmoid" ou "relu"

    en: Returns
    pt: Retorna
    -------
    en: dA_prev : derivative of the loss with respect to the activation of layer l-1, same shape as A_prev
    pt: dA_prev : derivada da perda em relação à ativação da camada l-1, mesmo formato de A_prev
    en: dW : gradient of the cost with respect to W (of layer l), same shape as W
    pt: dW : gradiente do custo em relação a W (da camada l), mesmo formato de W
    en: db : gradient of the cost with respect to b (of layer l), same shape as b
    pt: db : gradiente do custo em relação a b (da camada l), mesmo formato de b
    """
    linear_cache, activation_cache = cache
    if activation == "relu":
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    elif activation == "sigmoid":
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return dA_prev, dW, db


# %% grade_id="linear_activation_backward_example" kind="tests" points=1
"""
en: Check linear_activation_backward on the example, with both activations. Expected output:
pt: Verifica linear_activation_backward no exemplo, com as duas ativações. Saída esperada:
sigmoid:
dA_prev = [[ 0.11017994  0.01105339]
 [ 0.09466817  0.00949723]
 [-0.05743092 -0.00576154]]
dW = [[ 0.10266786  0.09778551 -0.01968084]]
db = [[-0.05729622]]

relu:
dA_prev = [[ 0.44090989  0.        ]
 [ 0.37883606  0.        ]
 [-0.2298228   0.        ]]
dW = [[ 0.44513824  0.37371418 -0.10478989]]
db = [[-0.20837892]]
"""
dAL, linear_activation_cache = linear_activation_backward_test_case()

dA_prev, dW, db = linear_activation_backward(dAL, linear_activation_cache, activation="sigmoid")
print("sigmoid:")
print("dA_prev = " + str(dA_prev))
print("dW = " + str(dW))
print("db = " + str(db) + "\n")
check_close("dA_prev (sigmoid)", dA_prev, [[0.11017994, 0.01105339], [0.09466817, 0.00949723], [-0.05743092, -0.00576154]])
check_close("dW (sigmoid)", dW, [[0.10266786, 0.09778551, -0.01968084]])
check_close("db (sigmoid)", db, [[-0.05729622]])

dA_prev, dW, db = linear_activation_backward(dAL, linear_activation_cache, activation="relu")
print("relu:")
print("dA_prev = " + str(dA_prev))
print("dW = " + str(dW))
print("db = " + str(db))
check_close("dA_prev (relu)", dA_prev, [[0.44090989, 0.0], [0.37883606, 0.0], [-0.2298228, 0.0]])
check_close("dW (relu)", dW, [[0.44513824, 0.37371418, -0.10478989]])
check_close("db (relu)", db, [[-0.20837892]])
passed()

# %% grade_id="linear_activation_backward_hidden" kind="tests" points=2
# en: Hidden tests of linear_activation_backward: layers of several units, both activations; dA_prev, dW and db.
# pt: Testes ocultos de linear_activation_backward: camadas de várias unidades, as duas ativações; dA_prev, dW e db.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ### 6.3 - L-model backward
#
# Now you will implement the backward function for the whole network. Recall that when you implemented
# `L_model_forward`, at each iteration you stored the cache of layer $l$, $((A^{[l-1]}, W^{[l]}, b^{[l]}), Z^{[l]})$:
# the linear cache and the activation cache ($A^{[l-1]}$ is $X$ only for layer 1). In the backpropagation
# module, you will use those variables to compute the gradients. Therefore, in `L_model_backward`,
# you will iterate through all the layers backward, starting from the output layer $L$. On each step, you will use
# the cached values for layer $l$ to backpropagate through layer $l$. The bottom row of the figure of section 2
# shows the backward pass.
#
# **Initializing backpropagation**: to backpropagate through this network, we know that the output is
# $A^{[L]} = \sigma(Z^{[L]})$. Your code thus needs to compute `dAL` $= \frac{\partial \mathcal{L}}{\partial A^{[L]}}$.
# To do so, use this formula (derived using calculus which you don't need in-depth knowledge of):
# ```python
# dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))  # derivative of the loss with respect to AL
# ```
#
# You can then use this post-activation gradient `dAL` to keep going backward. As seen in the figure, you can
# now feed in `dAL` into the LINEAR->SIGMOID backward function you implemented (which will use the cached
# values stored by `L_model_forward`). After that, you will have to use a `for` loop to iterate through all the
# other layers using the LINEAR->RELU backward function. You should store each dA, dW, and db in the `grads`
# dictionary.
#
# **The convention of the keys of `grads`** (read it carefully: the tests check it):
# - `grads["dW" + str(l)]` is $dW^{[l]}$ and `grads["db" + str(l)]` is $db^{[l]}$, for $l = 1, \dots, L$;
# - `grads["dA" + str(l)]` is $dA^{[l]} = \frac{\partial \mathcal{L}}{\partial A^{[l]}}$, the derivative of the
#   loss with respect to the **activation of layer $l$**, for $l = 0, \dots, L-1$. So `dA0` is the derivative
#   with respect to $A^{[0]} = X$, the input.
#
# The backward step of layer $l$ takes `grads["dA" + str(l)]` and returns $dA^{[l-1]}$, $dW^{[l]}$ and
# $db^{[l]}$: store them in `grads["dA" + str(l - 1)]`, `grads["dW" + str(l)]` and `grads["db" + str(l)]`. For
# example, for $l=3$ this would store $dW^{[3]}$ in `grads["dW3"]` and $dA^{[2]}$ in `grads["dA2"]`.
#
# **Exercise**: implement backpropagation for the *[LINEAR->RELU] $\times$ (L-1) -> LINEAR -> SIGMOID* model.
# Remember that `caches[l - 1]` is the cache of layer $l$ (the list starts at index 0).

# %% [markdown] lang="pt"
# ### 6.3 - Modelo de L camadas para trás
#
# Agora você vai implementar a função para trás da rede inteira. Lembre que, ao implementar `L_model_forward`,
# você guardou a cada iteração o cache da camada $l$, $((A^{[l-1]}, W^{[l]}, b^{[l]}), Z^{[l]})$: o cache linear
# e o cache da ativação ($A^{[l-1]}$ é $X$ só na camada 1). No módulo de retropropagação, você vai usar essas
# variáveis para calcular os gradientes. Assim, em `L_model_backward`, você vai percorrer todas as camadas
# de trás para frente, começando pela camada de saída, $L$. Em cada passo, você vai usar os valores guardados da
# camada $l$ para retropropagar através da camada $l$. A linha de baixo da figura da seção 2 mostra a
# propagação para trás.
#
# **Iniciando a retropropagação**: para retropropagar por esta rede, sabemos que a saída é
# $A^{[L]} = \sigma(Z^{[L]})$. O seu código precisa então calcular `dAL` $= \frac{\partial \mathcal{L}}{\partial A^{[L]}}$.
# Para isso, use esta fórmula (obtida com cálculo, que você não precisa dominar em detalhe):
# ```python
# dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))  # derivada da perda em relação a AL
# ```
#
# Você pode então usar esse gradiente pós-ativação `dAL` para continuar para trás. Como se vê na figura, agora
# você pode passar `dAL` para a função LINEAR->SIGMOID para trás que você implementou (ela vai usar os valores
# guardados por `L_model_forward`). Depois disso, use um laço `for` para percorrer todas as outras camadas com a
# função LINEAR->RELU para trás. Guarde cada dA, dW e db no dicionário `grads`.
#
# **A convenção das chaves de `grads`** (leia com atenção: os testes a verificam):
# - `grads["dW" + str(l)]` é $dW^{[l]}$ e `grads["db" + str(l)]` é $db^{[l]}$, para $l = 1, \dots, L$;
# - `grads["dA" + str(l)]` é $dA^{[l]} = \frac{\partial \mathcal{L}}{\partial A^{[l]}}$, a derivada da perda em
#   relação à **ativação da camada $l$**, para $l = 0, \dots, L-1$. Assim, `dA0` é a derivada em relação a
#   $A^{[0]} = X$, a entrada.
#
# O passo para trás da camada $l$ recebe `grads["dA" + str(l)]` e devolve $dA^{[l-1]}$, $dW^{[l]}$ e $db^{[l]}$:
# guarde-os em `grads["dA" + str(l - 1)]`, `grads["dW" + str(l)]` e `grads["db" + str(l)]`. Por exemplo, para
# $l=3$ isso guardaria $dW^{[3]}$ em `grads["dW3"]` e $dA^{[2]}$ em `grads["dA2"]`.
#
# **Exercício**: implemente a retropropagação do modelo *[LINEAR->RELU] $\times$ (L-1) -> LINEAR -> SIGMOID*.
# Lembre que `caches[l - 1]` é o cache da camada $l$ (a lista começa no índice 0).

# %% grade_id="L_model_backward" kind="solution"
# en: GRADED FUNCTION: L_model_backward
# pt: FUNÇÃO AVALIADA: L_model_backward

def L_model_backward(AL, Y, caches):
    """
    en: Backward propagation of the model [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID.
    pt: Retropropagação do modelo [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID.

    en: Parameters
    pt: Parâmetros
    ----------
    en: AL : ndarray of shape (1, m), the output of the forward propagation (L_model_forward())
    pt: AL : ndarray de formato (1, m), a saída da propagação para frente (L_model_forward())
    en: Y : ndarray of shape (1, m), the true labels (0 or 1)
    pt: Y : ndarray de formato (1, m), os rótulos verdadeiros (0 ou 1)
    en: caches : list of the L caches of L_model_forward(); caches[l - 1] is the cache of layer l
    pt: caches : lista dos L caches de L_model_forward(); caches[l - 1] é o cache da camada l

    en: Returns
    pt: Retorna
    -------
    en: grads : dict with the gradients
    pt: grads : dict com os gradientes
        en: grads["dA" + str(l)] : derivative of the loss with respect to the activation A of layer l, for l = 0..L-1 (dA0: with respect to X)
        pt: grads["dA" + str(l)] : derivada da perda em relação à ativação A da camada l, para l = 0..L-1 (dA0: em relação a X)
        en: grads["dW" + str(l)] and grads["db" + str(l)] : gradients of the cost with respect to W and b of layer l, for l = 1..L
        pt: grads["dW" + str(l)] e grads["db" + str(l)] : gradientes do custo em relação a W e b da camada l, para l = 1..L
    """
    grads = {}
    # en: the number of layers
    # pt: o número de camadas
    L = len(caches)
    m = AL.shape[1]
    # en: after this line, Y has the same shape as AL
    # pt: depois desta linha, Y tem o mesmo formato de AL
    Y = Y.reshape(AL.shape)

    # en: Initializing the backpropagation
    # pt: Iniciando a retropropagação
    ### en: START CODE HERE ### (1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (1 linha)
    ### BEGIN SOLUTION
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###

    # en: Layer L (SIGMOID -> LINEAR) gradients. Inputs: dAL and the cache of layer L. Outputs: dA of layer L-1, dW and db of layer L.
    # pt: Gradientes da camada L (SIGMOID -> LINEAR). Entradas: dAL e o cache da camada L. Saídas: dA da camada L-1, dW e db da camada L.
    ### en: START CODE HERE ### (≈ 2 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
    ### BEGIN SOLUTION
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, activation="sigmoid")
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###

    # en: Loop from l = L-2 down to l = 0: layer l+1 (RELU -> LINEAR) gradients.
    # pt: Laço de l = L-2 até l = 0: gradientes da camada l+1 (RELU -> LINEAR).
    # en: Inputs: dA of layer l+1 and the cache of layer l+1. Outputs: dA of layer l, dW and db of layer l+1.
    # pt: Entradas: dA da camada l+1 e o cache da camada l+1. Saídas: dA da camada l, dW e db da camada l+1.
    for l in reversed(range(L - 1)):
        ### en: START CODE HERE ### (≈ 5 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 5 linhas)
        ### BEGIN SOLUTION
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, activation="relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return grads


# %% grade_id="L_model_backward_example" kind="tests" points=1
"""
en: Check L_model_backward on the example (two layers; AL here is arbitrary test data). Expected output:
pt: Verifica L_model_backward no exemplo (duas camadas; aqui AL são dados de teste arbitrários). Saída esperada:
dW1 = [[0.41010002 0.07807203 0.13798444 0.10502167]
 [0.         0.         0.         0.        ]
 [0.05283652 0.01005865 0.01777766 0.0135308 ]]
db1 = [[-0.22007063]
 [ 0.        ]
 [-0.02835349]]
dA1 = [[ 0.12913162 -0.44014127]
 [-0.14175655  0.48317296]
 [ 0.01663708 -0.05670698]]
"""
AL, Y_assess, caches = L_model_backward_test_case()
grads = L_model_backward(AL, Y_assess, caches)
print_grads(grads, ["dW1", "db1", "dA1"])
check_keys("grads", grads, ["dA0", "dA1", "dW1", "db1", "dW2", "db2"])
check_close("dW1", grads["dW1"], [[0.41010002, 0.07807203, 0.13798444, 0.10502167],
                                  [0.0, 0.0, 0.0, 0.0],
                                  [0.05283652, 0.01005865, 0.01777766, 0.0135308]])
check_close("db1", grads["db1"], [[-0.22007063], [0.0], [-0.02835349]])
check_close("dA1", grads["dA1"], [[0.12913162, -0.44014127], [-0.14175655, 0.48317296], [0.01663708, -0.05670698]])
passed()

# %% grade_id="L_model_backward_hidden" kind="tests" points=2
# en: Hidden tests of L_model_backward: a real forward pass (AL is a probability) of a deeper network (4 layers) and of a two-layer one; every dA, dW and db.
# pt: Testes ocultos de L_model_backward: uma propagação para frente de verdade (AL é uma probabilidade) de uma rede mais profunda (4 camadas) e de uma de duas camadas; todos os dA, dW e db.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ### 6.4 - Update parameters
#
# In this section you will update the parameters of the model, using gradient descent:
#
# $$ W^{[l]} = W^{[l]} - \alpha \text{ } dW^{[l]} \tag{9}$$
# $$ b^{[l]} = b^{[l]} - \alpha \text{ } db^{[l]} \tag{10}$$
#
# where $\alpha$ is the learning rate. After computing the updated parameters, store them in the parameters
# dictionary.
#
# **Exercise**: implement `update_parameters()` to update your parameters using gradient descent.
#
# **Instructions**: update the parameters using gradient descent on every $W^{[l]}$ and $b^{[l]}$ for
# $l = 1, 2, ..., L$, and return the updated parameters. You may update the dictionary you were given or build
# a new one: the tests accept both.

# %% [markdown] lang="pt"
# ### 6.4 - Atualização dos parâmetros
#
# Nesta seção você vai atualizar os parâmetros do modelo com a descida de gradiente:
#
# $$ W^{[l]} = W^{[l]} - \alpha \text{ } dW^{[l]} \tag{9}$$
# $$ b^{[l]} = b^{[l]} - \alpha \text{ } db^{[l]} \tag{10}$$
#
# em que $\alpha$ é a taxa de aprendizado. Depois de calcular os parâmetros atualizados, guarde-os no dicionário
# de parâmetros.
#
# **Exercício**: implemente `update_parameters()` para atualizar os parâmetros com a descida de gradiente.
#
# **Instruções**: atualize com a descida de gradiente cada $W^{[l]}$ e cada $b^{[l]}$, para
# $l = 1, 2, ..., L$, e retorne os parâmetros atualizados. Você pode atualizar o dicionário recebido ou montar
# um novo: os testes aceitam os dois.

# %% grade_id="update_parameters" kind="solution"
# en: GRADED FUNCTION: update_parameters
# pt: FUNÇÃO AVALIADA: update_parameters

def update_parameters(parameters, grads, learning_rate):
    """
    en: One step of gradient descent on every parameter.
    pt: Um passo da descida de gradiente em cada parâmetro.

    en: Parameters
    pt: Parâmetros
    ----------
    en: parameters : dict with the parameters W1, b1, ..., WL, bL
    pt: parameters : dict com os parâmetros W1, b1, ..., WL, bL
    en: grads : dict with the gradients, the output of L_model_backward()
    pt: grads : dict com os gradientes, a saída de L_model_backward()
    en: learning_rate : float, the learning rate alpha
    pt: learning_rate : float, a taxa de aprendizado alfa

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict with the updated parameters "W" + str(l) and "b" + str(l), for l = 1..L
    pt: parameters : dict com os parâmetros atualizados "W" + str(l) e "b" + str(l), para l = 1..L
    """
    # en: number of layers in the neural network
    # pt: número de camadas da rede neural
    L = len(parameters) // 2

    # en: Update rule for each parameter. Use a for loop.
    # pt: Regra de atualização de cada parâmetro. Use um laço for.
    ### en: START CODE HERE ### (≈ 3 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 3 linhas)
    ### BEGIN SOLUTION
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return parameters


# %% grade_id="update_parameters_example" kind="tests" points=1
"""
en: Check update_parameters on the example (learning rate 0.1). Expected output:
pt: Verifica update_parameters no exemplo (taxa de aprendizado 0,1). Saída esperada:
W1 = [[-0.59562069 -0.09991781 -2.14584584  1.82662008]
 [-1.76569676 -0.80627147  0.51115557 -1.18258802]
 [-1.0535704  -0.86128581  0.68284052  2.20374577]]
b1 = [[-0.04659241]
 [-1.28888275]
 [ 0.53405496]]
W2 = [[-0.55569196  0.0354055   1.32964895]]
b2 = [[-0.84610769]]
"""
parameters, grads = update_parameters_test_case()
parameters = update_parameters(parameters, grads, 0.1)
print("W1 = " + str(parameters["W1"]))
print("b1 = " + str(parameters["b1"]))
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))
check_keys("parameters", parameters, ["W1", "b1", "W2", "b2"])
check_close("W1", parameters["W1"], [[-0.59562069, -0.09991781, -2.14584584, 1.82662008],
                                     [-1.76569676, -0.80627147, 0.51115557, -1.18258802],
                                     [-1.0535704, -0.86128581, 0.68284052, 2.20374577]])
check_close("b1", parameters["b1"], [[-0.04659241], [-1.28888275], [0.53405496]])
check_close("W2", parameters["W2"], [[-0.55569196, 0.0354055, 1.32964895]])
check_close("b2", parameters["b2"], [[-0.84610769]])
passed()

# %% grade_id="update_parameters_hidden" kind="tests" points=2
# en: Hidden tests of update_parameters: deeper networks and other learning rates; every W and b (whether or not the dict given is changed).
# pt: Testes ocultos de update_parameters: redes mais profundas e outras taxas de aprendizado; todos os W e b (mude ou não o dict recebido).
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/deep_nn.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/deep_nn.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ## 7 - Putting it all together (not graded)
#
# Congratulations on implementing all the functions required for building a deep neural network! They fit
# together into a model of any depth. Here is one, trained on a small dataset: two interleaving half circles
# ("moons") of 300 training and 200 test points, labeled red (0) and blue (1). A straight line cannot separate
# them: the network must learn a curved decision boundary.

# %% [markdown] lang="pt"
# ## 7 - Juntando tudo (não avaliado)
#
# Parabéns por implementar todas as funções necessárias para construir uma rede neural profunda! Elas se
# encaixam em um modelo de qualquer profundidade. Aqui está um, treinado em um pequeno conjunto de dados: duas
# meias-luas entrelaçadas, com 300 pontos de treinamento e 200 de teste, marcados em vermelho (0) e azul (1).
# Uma reta não consegue separá-las: a rede precisa aprender uma fronteira de decisão curva.

# %%
train_X, train_Y, test_X, test_Y = load_moons()
print("train_X:", train_X.shape, " train_Y:", train_Y.shape, " test_X:", test_X.shape, " test_Y:", test_Y.shape)
if not GRADING:
    plot_field(train_X, train_Y, pitch=False, title="Training set")  # [en]
    plot_field(train_X, train_Y, pitch=False, title="Conjunto de treinamento")  # [pt]
    plt.show()

# %% [markdown] lang="en"
# The model below uses only your functions: `initialize_parameters_deep`, then at every iteration
# `L_model_forward`, `compute_cost`, `L_model_backward` and `update_parameters`. Read it, then run it with
# `layers_dims = [2, 16, 8, 1]`: two hidden layers of 16 and 8 ReLU units and a sigmoid output unit.

# %% [markdown] lang="pt"
# O modelo abaixo usa só as suas funções: `initialize_parameters_deep` e, a cada iteração, `L_model_forward`,
# `compute_cost`, `L_model_backward` e `update_parameters`. Leia-o e depois rode-o com
# `layers_dims = [2, 16, 8, 1]`: duas camadas ocultas de 16 e 8 unidades ReLU e uma unidade de saída sigmoide.

# %% reference=true
def L_layer_model(X, Y, layers_dims, learning_rate=0.75, num_iterations=3000, print_cost=True):
    """
    en: Train an L-layer network [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID by gradient descent.
    pt: Treina uma rede de L camadas [LINEAR->RELU]*(L-1) -> LINEAR->SIGMOID por descida de gradiente.

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (n_x, m), the input data
    pt: X : ndarray de formato (n_x, m), os dados de entrada
    en: Y : ndarray of shape (1, m), the labels (0 or 1)
    pt: Y : ndarray de formato (1, m), os rótulos (0 ou 1)
    en: layers_dims : list of int, the size of each layer, input layer first
    pt: layers_dims : lista de int, o tamanho de cada camada, a de entrada primeiro
    en: learning_rate : float, the learning rate
    pt: learning_rate : float, a taxa de aprendizado
    en: num_iterations : int, the number of iterations of gradient descent
    pt: num_iterations : int, o número de iterações da descida de gradiente
    en: print_cost : bool, print the cost every 500 iterations
    pt: print_cost : bool, imprime o custo a cada 500 iterações

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict, the learned parameters
    pt: parameters : dict, os parâmetros aprendidos
    en: costs : list of float, the cost every 100 iterations
    pt: costs : lista de float, o custo a cada 100 iterações
    """
    if GRADING:
        num_iterations = min(num_iterations, 10)
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in tqdm(range(num_iterations), desc="training", disable=GRADING):  # [en]
    for i in tqdm(range(num_iterations), desc="treinamento", disable=GRADING):  # [pt]
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
        if print_cost and i % 500 == 0:
            print(f"Cost after iteration {i}: {float(cost):.6f}")  # [en]
            print(f"Custo após a iteração {i}: {float(cost):.6f}")  # [pt]
    return parameters, costs


def predict(X, parameters):
    """
    en: The labels (0 or 1) that the network predicts for the columns of X: 1 where AL > 0.5.
    pt: Os rótulos (0 ou 1) que a rede prediz para as colunas de X: 1 onde AL > 0,5.
    """
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int)


def accuracy(X, Y, parameters):
    """
    en: The fraction of the examples of X whose predicted label is the label in Y.
    pt: A fração dos exemplos de X cujo rótulo predito é o rótulo de Y.
    """
    return float(np.mean(predict(X, parameters) == Y))


# %%
parameters, costs = L_layer_model(train_X, train_Y, [2, 16, 8, 1])
print("Training accuracy:", accuracy(train_X, train_Y, parameters))  # [en]
print("Acurácia de treinamento:", accuracy(train_X, train_Y, parameters))  # [pt]
print("Test accuracy:", accuracy(test_X, test_Y, parameters))  # [en]
print("Acurácia de teste:", accuracy(test_X, test_Y, parameters))  # [pt]

# %% [markdown] lang="en"
# The cost curve and the decision boundary the network learned, on the test set (run the cell):

# %% [markdown] lang="pt"
# A curva do custo e a fronteira de decisão que a rede aprendeu, no conjunto de teste (rode a célula):

# %%
if not GRADING:
    fig, (ax_cost, ax_field) = plt.subplots(1, 2, figsize=(11, 4))
    plot_costs(costs, ax=ax_cost, every=100, xlabel="iterations (thousands)", ylabel="cost", title="learning rate = 0.75")  # [en]
    plot_costs(costs, ax=ax_cost, every=100, xlabel="iterações (milhares)", ylabel="custo", title="taxa de aprendizado = 0,75")  # [pt]
    plot_boundary(lambda x: predict(x, parameters), test_X, test_Y, ax=ax_field, title="Test set")  # [en]
    plot_boundary(lambda x: predict(x, parameters), test_X, test_Y, ax=ax_field, title="Conjunto de teste")  # [pt]
    plt.show()

# %% [markdown] lang="en"
# With `layers_dims = [2, 16, 8, 1]` the network reaches a training accuracy of 98 % and a test
# accuracy of 95 %. Look at the start of the cost curve: it stays flat at $\log 2 \approx 0.693$ for
# about a hundred iterations. With weights of scale 0.01, every layer shrinks the signal, so the output starts at
# $\hat{y} \approx 0.5$ for every example and the gradients are tiny. Try a deeper network, for example
# `layers_dims = [2, 20, 7, 5, 1]`, with the same settings: its cost does not leave 0.693 in 3000 iterations.
# Its outputs stay within a hair of 0.5 for every example (0.693 is the cost of answering 0.5 everywhere), so
# the accuracy it prints only says on which side of 0.5 each output happens to fall.
# The *Initialization* assignment shows how to choose the scale of the weights so that deep networks train.
#
# ## 8 - Conclusion
#
# <font color='blue'>**What you should remember**:
# - A deep network is a stack of identical modules: each layer's forward step returns its output and a cache,
#   and its backward step uses that cache to return the gradients.
# - Keep track of the shapes: $W^{[l]}$ is $(n^{[l]}, n^{[l-1]})$, $b^{[l]}$ is $(n^{[l]}, 1)$ and is broadcast
#   over the $m$ examples, $A^{[l]}$ and $dA^{[l]}$ are $(n^{[l]}, m)$.
# - Backpropagation starts from $dA^{[L]}$ and walks the layers backward; `grads["dA" + str(l)]` is the
#   derivative of the loss with respect to $A^{[l]}$, and the $\frac{1}{m}$ of the cost enters only in $dW^{[l]}$
#   and $db^{[l]}$.
# - The same ten functions train a network of any depth.</font>

# %% [markdown] lang="pt"
# Com `layers_dims = [2, 16, 8, 1]`, a rede chega a uma acurácia de treinamento de 98 % e a uma
# acurácia de teste de 95 %. Veja o início da curva do custo: ela fica plana em
# $\log 2 \approx 0{,}693$ por umas cem iterações. Com pesos na escala de 0,01, cada camada encolhe o sinal; assim, a saída
# começa em $\hat{y} \approx 0{,}5$ para todos os exemplos e os gradientes são minúsculos. Experimente uma rede
# mais profunda, por exemplo `layers_dims = [2, 20, 7, 5, 1]`, com as mesmas configurações: o custo dela não sai
# de 0,693 em 3000 iterações. As saídas dela ficam a um fio de 0,5 para todos os exemplos (0,693 é o custo de
# responder 0,5 para tudo), então a acurácia que ela imprime só diz de que lado de 0,5 cada saída calhou de cair.
# A tarefa *Inicialização* mostra como escolher a escala dos pesos para que redes
# profundas treinem.
#
# ## 8 - Conclusão
#
# <font color='blue'>**O que você deve lembrar**:
# - Uma rede profunda é uma pilha de módulos idênticos: o passo para frente de cada camada devolve a sua saída
#   e um cache, e o passo para trás usa esse cache para devolver os gradientes.
# - Acompanhe os formatos: $W^{[l]}$ é $(n^{[l]}, n^{[l-1]})$, $b^{[l]}$ é $(n^{[l]}, 1)$ e é difundido
#   (*broadcast*) sobre os $m$ exemplos, $A^{[l]}$ e $dA^{[l]}$ são $(n^{[l]}, m)$.
# - A retropropagação começa em $dA^{[L]}$ e percorre as camadas de trás para frente; `grads["dA" + str(l)]` é a
#   derivada da perda em relação a $A^{[l]}$, e o $\frac{1}{m}$ do custo só entra em $dW^{[l]}$ e $db^{[l]}$.
# - As mesmas dez funções treinam uma rede de qualquer profundidade.</font>
