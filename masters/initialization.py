# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   pack:
#     order: 2
#     notebook: initialization.ipynb
#     files: [init_utils.py, init_testcases.py, testCases.py, language.py, figures.py, init_figures.py]
#     preload: [sklearn.datasets]
#     titles: {en: Initialization, pt: Inicialização}
# ---

# %% [markdown] lang="en"
# # Initialization
#
# Welcome to this assignment! Training a neural network starts from initial values of its weights, and
# that choice matters more than it seems. A well chosen initialization can:
#
# - speed up the convergence of gradient descent;
# - increase the odds of gradient descent converging to a lower training (and generalization) error.
#
# A good initialization does two things: it **breaks the symmetry** between the units of a layer, so that
# they can learn different things, and it keeps the values that flow through the network **in a useful
# range**, neither vanishing nor exploding. In this notebook you will train the same network three times,
# with three initializations, and see the difference.
#
# **You will learn to:** initialize the parameters of a deep network with zeros, with large random values
# and with He initialization, and explain why only the last one trains well.
#
# **Instructions**
# - Write your code only between `### START CODE HERE ###` and `### END CODE HERE ###`: replace
#   `# YOUR CODE HERE` and the `raise NotImplementedError()` line with your code. The comment
#   `(≈ N lines)` says roughly how much code is expected.
# - Do not add, delete or move the test cells. Each one checks the function just above it and tells you
#   which output is wrong. The autograder runs the same checks plus hidden ones on other inputs.
# - Run the cells in order, from the top.

# %% [markdown] lang="pt"
# # Inicialização
#
# Bem-vindo a esta tarefa! O treinamento de uma rede neural parte de valores iniciais dos pesos, e essa
# escolha importa mais do que parece. Uma inicialização bem escolhida pode:
#
# - acelerar a convergência da descida de gradiente;
# - aumentar a chance de a descida de gradiente convergir para um erro de treinamento (e de
#   generalização) menor.
#
# Uma boa inicialização faz duas coisas: **quebra a simetria** entre as unidades de uma camada, para que
# elas possam aprender coisas diferentes, e mantém os valores que passam pela rede **numa faixa útil**,
# sem sumir nem explodir. Neste notebook você vai treinar a mesma rede três vezes, com três
# inicializações, e ver a diferença.
#
# **Você vai aprender a:** inicializar os parâmetros de uma rede profunda com zeros, com valores
# aleatórios grandes e com a inicialização de He, e explicar por que só a última treina bem.
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
# - [matplotlib](https://matplotlib.org) for the plots;
# - `init_utils` provides the three-layer network (forward and backward propagation, cost, update,
#   prediction) and the dataset; `init_testcases` gives the inputs of the tests and `testCases` readable
#   checks; `figures` and `init_figures` draw the figures of this notebook.

# %% [markdown] lang="pt"
# ## 1 - Pacotes
#
# - [numpy](https://numpy.org) para todos os cálculos;
# - [matplotlib](https://matplotlib.org) para os gráficos;
# - `init_utils` fornece a rede de três camadas (propagação para frente e para trás, custo, atualização,
#   predição) e o conjunto de dados; `init_testcases` fornece as entradas dos testes e `testCases`,
#   verificações legíveis; `figures` e `init_figures` desenham as figuras deste notebook.

# %% imports=true
import os

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from init_utils import sigmoid, relu, forward_propagation, backward_propagation, compute_loss
from init_utils import update_parameters, predict, predict_dec, plot_decision_boundary, load_dataset
from testCases import *
from init_testcases import *
from figures import plot_costs, plot_field
from init_figures import layer_spreads, plot_layer_spreads, plot_output_histograms

# %matplotlib inline
plt.rcParams["figure.figsize"] = (6.0, 4.5)
set_language("en")  # [en]
set_language("pt")  # [pt]
# en: The autograder (nbgrader sets NBGRADER_EXECUTION) trains for a few iterations only: no grade depends on training.
# pt: O corretor automático (o nbgrader define NBGRADER_EXECUTION) treina só algumas iterações: nenhuma nota depende do treinamento.
GRADING = "NBGRADER_EXECUTION" in os.environ

# %% [markdown] lang="en"
# ## 2 - The dataset
#
# The data are points of the plane in two classes: a **blue** ring (label 1) inside a **red** ring
# (label 0), both noisy. No straight line separates them. You would like a classifier that separates the
# blue dots from the red dots.

# %% [markdown] lang="pt"
# ## 2 - O conjunto de dados
#
# Os dados são pontos do plano de duas classes: um anel **azul** (rótulo 1) dentro de um anel
# **vermelho** (rótulo 0), ambos com ruído. Nenhuma reta os separa. Você quer um classificador que separe
# os pontos azuis dos pontos vermelhos.

# %%
train_X, train_Y, test_X, test_Y = load_dataset()
print("train_X:", train_X.shape, " train_Y:", train_Y.shape, " test_X:", test_X.shape, " test_Y:", test_Y.shape)
if not GRADING:
    plot_field(train_X, train_Y, title="Training set", pitch=False)  # [en]
    plot_field(train_X, train_Y, title="Conjunto de treinamento", pitch=False)  # [pt]
    plt.show()

# %% [markdown] lang="en"
# ## 3 - Neural network model
#
# You will use a three-layer network, LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, with layer sizes
# `[X.shape[0], 10, 5, 1]`, already implemented. Only its initialization changes; you will try:
# - *zeros initialization*: `initialization = "zeros"` in the input argument;
# - *random initialization*: `initialization = "random"`; this initializes the weights to large random
#   values;
# - *He initialization*: `initialization = "he"`; this initializes the weights to random values scaled
#   according to a paper by He et al., 2015.
#
# Read the code below: it trains with gradient descent (learning rate 0.01, 15 000 iterations), shows a
# progress bar, and prints the cost every 1000 iterations. You will write the three initialization
# functions it calls.

# %% [markdown] lang="pt"
# ## 3 - O modelo de rede neural
#
# Você vai usar uma rede de três camadas, LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, com tamanhos de
# camada `[X.shape[0], 10, 5, 1]`, já implementada. Só a inicialização muda; você vai experimentar:
# - *inicialização com zeros*: `initialization = "zeros"` no argumento de entrada;
# - *inicialização aleatória*: `initialization = "random"`; ela inicializa os pesos com valores
#   aleatórios grandes;
# - *inicialização de He*: `initialization = "he"`; ela inicializa os pesos com valores aleatórios
#   escalados como no artigo de He et al., 2015.
#
# Leia o código abaixo: ele treina por descida de gradiente (taxa de aprendizado 0,01, 15 000 iterações),
# mostra uma barra de progresso e imprime o custo a cada 1000 iterações. Você vai escrever as três funções
# de inicialização que ele chama.

# %% reference=true
def model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he"):
    """
    en: Train a three-layer network LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID by gradient descent.
    pt: Treina uma rede de três camadas LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID por descida de gradiente.

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (2, m), the input data
    pt: X : ndarray de formato (2, m), os dados de entrada
    en: Y : ndarray of shape (1, m), the labels (1 blue, 0 red)
    pt: Y : ndarray de formato (1, m), os rótulos (1 azul, 0 vermelho)
    en: learning_rate : float, the learning rate
    pt: learning_rate : float, a taxa de aprendizado
    en: num_iterations : int, the number of iterations of gradient descent
    pt: num_iterations : int, o número de iterações da descida de gradiente
    en: print_cost : bool, print the cost every 1000 iterations
    pt: print_cost : bool, imprime o custo a cada 1000 iterações
    en: initialization : str, the initialization to use: "zeros", "random" or "he"
    pt: initialization : str, a inicialização a usar: "zeros", "random" ou "he"

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict, the learned parameters, to predict with
    pt: parameters : dict, os parâmetros aprendidos, para fazer predições
    en: costs : list of float, the cost every 1000 iterations
    pt: costs : lista de float, o custo a cada 1000 iterações
    """
    if GRADING:
        num_iterations = min(num_iterations, 10)
    costs = []
    layers_dims = [X.shape[0], 10, 5, 1]

    # en: Initialize the parameters.
    # pt: Inicializa os parâmetros.
    if initialization == "zeros":
        parameters = initialize_parameters_zeros(layers_dims)
    elif initialization == "random":
        parameters = initialize_parameters_random(layers_dims)
    elif initialization == "he":
        parameters = initialize_parameters_he(layers_dims)
    else:
        raise ValueError(f"unknown initialization {initialization!r}: use 'zeros', 'random' or 'he'")  # [en]
        raise ValueError(f"inicialização desconhecida {initialization!r}: use 'zeros', 'random' ou 'he'")  # [pt]

    for i in tqdm(range(num_iterations), desc="training", disable=GRADING):  # [en]
    for i in tqdm(range(num_iterations), desc="treinamento", disable=GRADING):  # [pt]
        # en: Forward propagation: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.
        # pt: Propagação para frente: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.
        a3, cache = forward_propagation(X, parameters)
        # en: Cost.
        # pt: Custo.
        cost = compute_loss(a3, Y)
        # en: Backward propagation.
        # pt: Propagação para trás.
        grads = backward_propagation(X, Y, cache)
        # en: Update the parameters.
        # pt: Atualiza os parâmetros.
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")  # [en]
                print(f"Custo após a iteração {i}: {cost}")  # [pt]
    return parameters, costs


# %%
def show_training(costs, parameters, title):
    """
    en: Plot the cost curve and the decision boundary of a trained model, side by side.
    pt: Desenha a curva do custo e a fronteira de decisão de um modelo treinado, lado a lado.
    """
    if GRADING:
        return
    fig, (ax_cost, ax_field) = plt.subplots(1, 2, figsize=(11, 4))
    plot_costs(costs, ax=ax_cost, xlabel="iterations (thousands)", ylabel="cost", title="learning rate = 0.01")  # [en]
    plot_costs(costs, ax=ax_cost, xlabel="iterações (milhares)", ylabel="custo", title="taxa de aprendizado = 0,01")  # [pt]
    plot_decision_boundary(lambda x: predict_dec(parameters, x.T), train_X, train_Y, ax=ax_field, title=title)
    plt.show()


# %% [markdown] lang="en"
# ## 4 - Zero initialization
#
# There are two types of parameters to initialize in a neural network:
# - the weight matrices $(W^{[1]}, W^{[2]}, W^{[3]}, ..., W^{[L-1]}, W^{[L]})$;
# - the bias vectors $(b^{[1]}, b^{[2]}, b^{[3]}, ..., b^{[L-1]}, b^{[L]})$.
#
# **Exercise**: implement the following function to initialize all parameters to zeros. You'll see later
# that this does not work well since it fails to "break symmetry", but let's try it anyway and see what
# happens. Use `np.zeros((.., ..))` with the correct shapes: $W^{[l]}$ has shape
# `(layers_dims[l], layers_dims[l-1])` and $b^{[l]}$ has shape `(layers_dims[l], 1)`. Every parameter is
# a numpy array of floats, which is what `np.zeros` gives by default.

# %% [markdown] lang="pt"
# ## 4 - Inicialização com zeros
#
# Há dois tipos de parâmetros a inicializar numa rede neural:
# - as matrizes de pesos $(W^{[1]}, W^{[2]}, W^{[3]}, ..., W^{[L-1]}, W^{[L]})$;
# - os vetores de vieses (*bias*) $(b^{[1]}, b^{[2]}, b^{[3]}, ..., b^{[L-1]}, b^{[L]})$.
#
# **Exercício**: implemente a função a seguir para inicializar todos os parâmetros com zeros. Você vai ver
# depois que isso não funciona bem, porque não "quebra a simetria", mas vamos tentar assim mesmo e ver o
# que acontece. Use `np.zeros((.., ..))` com os formatos corretos: $W^{[l]}$ tem formato
# `(layers_dims[l], layers_dims[l-1])` e $b^{[l]}$ tem formato `(layers_dims[l], 1)`. Todo parâmetro é um
# array do numpy de números de ponto flutuante (float), que é o que `np.zeros` dá por padrão.

# %% grade_id="initialize_parameters_zeros" kind="solution"
# en: GRADED FUNCTION: initialize_parameters_zeros
# pt: FUNÇÃO AVALIADA: initialize_parameters_zeros

def initialize_parameters_zeros(layers_dims):
    """
    en: Initialize every weight and every bias of the network with zeros.
    pt: Inicializa todos os pesos e todos os vieses da rede com zeros.

    en: Parameters
    pt: Parâmetros
    ----------
    en: layers_dims : list of int, the size of each layer, input first, e.g. [2, 10, 5, 1]
    pt: layers_dims : lista de int, o tamanho de cada camada, a entrada primeiro, p. ex. [2, 10, 5, 1]

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict with the float arrays "W1", "b1", ..., "WL", "bL":
    pt: parameters : dict com os arrays de float "W1", "b1", ..., "WL", "bL":
    en:     W{l} of shape (layers_dims[l], layers_dims[l-1]), b{l} of shape (layers_dims[l], 1)
    pt:     W{l} de formato (layers_dims[l], layers_dims[l-1]), b{l} de formato (layers_dims[l], 1)
    """
    parameters = {}
    # en: The number of layers with parameters (the input layer has none).
    # pt: O número de camadas com parâmetros (a camada de entrada não tem).
    L = len(layers_dims) - 1

    for l in range(1, L + 1):
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return parameters


# %% grade_id="initialize_parameters_zeros_example" kind="tests" points=1
"""
en: Check initialize_parameters_zeros on the example layers_dims = [3, 2, 1]. Expected output:
pt: Verifica initialize_parameters_zeros no exemplo layers_dims = [3, 2, 1]. Saída esperada:
W1 = [[0. 0. 0.]
 [0. 0. 0.]]
b1 = [[0.]
 [0.]]
W2 = [[0. 0.]]
b2 = [[0.]]
"""
layers_dims = initialize_parameters_zeros_test_case()
parameters = initialize_parameters_zeros(layers_dims)
check_parameters("parameters", parameters, layers_dims)
print("W1 = " + str(parameters["W1"]))
print("b1 = " + str(parameters["b1"]))
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))
check_close("W1", parameters["W1"], [[0, 0, 0], [0, 0, 0]], rtol=0, atol=0)
check_close("b1", parameters["b1"], [[0], [0]], rtol=0, atol=0)
check_close("W2", parameters["W2"], [[0, 0]], rtol=0, atol=0)
check_close("b2", parameters["b2"], [[0]], rtol=0, atol=0)
passed()

# %% grade_id="initialize_parameters_zeros_hidden" kind="tests" points=2
# en: Hidden tests of initialize_parameters_zeros: deeper and shallower networks; keys, shapes, dtype and values.
# pt: Testes ocultos de initialize_parameters_zeros: redes mais e menos profundas; chaves, formatos, dtype e valores.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/initialization.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/initialization.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Run the following code to train your model for 15 000 iterations using zeros initialization.

# %% [markdown] lang="pt"
# Rode o código a seguir para treinar o seu modelo por 15 000 iterações com a inicialização com zeros.

# %%
parameters, costs = model(train_X, train_Y, initialization="zeros")
print("On the train set:")  # [en]
print("No conjunto de treinamento:")  # [pt]
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")  # [en]
print("No conjunto de teste:")  # [pt]
predictions_test = predict(test_X, test_Y, parameters)

# %% [markdown] lang="en"
# The performance is really bad, and the cost does not really decrease: it stays at
# $\ln 2 \approx 0.693$, the cost of answering "probability 0.5" for every example. Let's look at the
# predictions and the decision boundary:

# %% [markdown] lang="pt"
# O desempenho é muito ruim, e o custo não diminui de verdade: fica em $\ln 2 \approx 0{,}693$, o custo de
# responder "probabilidade 0,5" para todos os exemplos. Vejamos as predições e a fronteira de decisão:

# %%
print("labels predicted on the training set:", np.unique(predictions_train))  # [en]
print("rótulos preditos no conjunto de treinamento:", np.unique(predictions_train))  # [pt]
print("labels predicted on the test set:", np.unique(predictions_test))  # [en]
print("rótulos preditos no conjunto de teste:", np.unique(predictions_test))  # [pt]
show_training(costs, parameters, "Model with zeros initialization")  # [en]
show_training(costs, parameters, "Modelo com inicialização com zeros")  # [pt]

# %% [markdown] lang="en"
# The model predicts 0 for every example: the whole plane gets the label of the red dots, there is no
# decision boundary at all.
#
# **Why? Symmetry.** When all the weights of a layer are equal, every unit of that layer computes the same
# function of its inputs, receives the same gradient and gets the same update. The units stay identical
# forever: a layer of 10 units is no better than a layer of one unit, and the network is no more powerful
# than a linear classifier such as logistic regression. This is true for *any* constant initialization,
# not only for zeros.
#
# With zeros and ReLU it is even worse: nothing moves at all.
# - Forward: $z^{[1]} = 0$, so $a^{[1]} = \text{relu}(0) = 0$, and likewise $a^{[2]} = 0$; the output is
#   $\sigma(0) = 0.5$ for every example.
# - Backward: $dW^{[3]} = dz^{[3]} a^{[2]T} = 0$ because $a^{[2]} = 0$, and
#   $da^{[2]} = W^{[3]T} dz^{[3]} = 0$ because $W^{[3]} = 0$: no gradient reaches the earlier layers.
# - Only $b^{[3]}$ could move; its gradient is the mean of $a^{[3]} - y = 0.5 - y$, which is 0 on this
#   dataset with as many blue as red dots.
#
# The cell below computes the gradients at the start of training to check it (`db3` may show a rounding
# error of the order of $10^{-18}$ instead of 0).

# %% [markdown] lang="pt"
# O modelo prediz 0 para todos os exemplos: o plano inteiro recebe o rótulo dos pontos vermelhos, não há
# fronteira de decisão nenhuma.
#
# **Por quê? Simetria.** Quando todos os pesos de uma camada são iguais, todas as unidades dessa camada
# calculam a mesma função das suas entradas, recebem o mesmo gradiente e sofrem a mesma atualização. As
# unidades continuam idênticas para sempre: uma camada de 10 unidades não é melhor que uma camada de uma
# unidade, e a rede não é mais poderosa que um classificador linear como a regressão logística. Isso vale
# para *qualquer* inicialização constante, não só para zeros.
#
# Com zeros e ReLU é ainda pior: nada se mexe.
# - Para frente: $z^{[1]} = 0$, logo $a^{[1]} = \text{relu}(0) = 0$, e do mesmo modo $a^{[2]} = 0$; a saída
#   é $\sigma(0) = 0{,}5$ para todos os exemplos.
# - Para trás: $dW^{[3]} = dz^{[3]} a^{[2]T} = 0$ porque $a^{[2]} = 0$, e
#   $da^{[2]} = W^{[3]T} dz^{[3]} = 0$ porque $W^{[3]} = 0$: nenhum gradiente chega às camadas anteriores.
# - Só $b^{[3]}$ poderia se mexer; o seu gradiente é a média de $a^{[3]} - y = 0{,}5 - y$, que é 0 neste
#   conjunto de dados com tantos pontos azuis quanto vermelhos.
#
# A célula abaixo calcula os gradientes no início do treinamento para conferir (`db3` pode mostrar um erro
# de arredondamento da ordem de $10^{-18}$ em vez de 0).

# %%
a3, cache = forward_propagation(train_X, initialize_parameters_zeros([train_X.shape[0], 10, 5, 1]))
grads = backward_propagation(train_X, train_Y, cache)
for name in ["dW1", "db1", "dW2", "db2", "dW3", "db3"]:
    print(f"largest |{name}| at the start: {np.abs(grads[name]).max():.3g}")  # [en]
    print(f"maior |{name}| no início: {np.abs(grads[name]).max():.3g}")  # [pt]

# %% [markdown] lang="en"
# <font color='blue'>**What you should remember**:
# - The weights $W^{[l]}$ should be initialized randomly to break symmetry.
# - It is however okay to initialize the biases $b^{[l]}$ to zeros. Symmetry is still broken so long as
#   $W^{[l]}$ is initialized randomly.</font>
#
# ## 5 - Random initialization
#
# To break symmetry, let's initialize the weights randomly. Following random initialization, each unit can
# then proceed to learn a different function of its inputs. In this exercise, you will see what happens if
# the weights are initialized randomly, but to very large values.
#
# **Exercise**: implement the following function to initialize your weights to large random values (scaled
# by \*10) and your biases to zeros. Use `np.random.randn(.., ..) * 10` for weights and `np.zeros((.., 1))`
# for biases. The seed is fixed with `np.random.seed(..)` so that your "random" weights match ours: draw
# the weights in the order W1, W2, ... and draw nothing else.

# %% [markdown] lang="pt"
# <font color='blue'>**O que você deve lembrar**:
# - Os pesos $W^{[l]}$ devem ser inicializados aleatoriamente para quebrar a simetria.
# - Mas não há problema em inicializar os vieses $b^{[l]}$ com zeros. A simetria continua quebrada desde
#   que $W^{[l]}$ seja inicializado aleatoriamente.</font>
#
# ## 5 - Inicialização aleatória
#
# Para quebrar a simetria, vamos inicializar os pesos aleatoriamente. Com uma inicialização aleatória, cada
# unidade pode aprender uma função diferente das suas entradas. Neste exercício, você vai ver o que
# acontece quando os pesos são inicializados aleatoriamente, mas com valores muito grandes.
#
# **Exercício**: implemente a função a seguir para inicializar os pesos com valores aleatórios grandes
# (multiplicados por 10) e os vieses com zeros. Use `np.random.randn(.., ..) * 10` para os pesos e
# `np.zeros((.., 1))` para os vieses. A semente é fixada com `np.random.seed(..)` para que os seus pesos
# "aleatórios" coincidam com os nossos: sorteie os pesos na ordem W1, W2, ... e não sorteie mais nada.

# %% grade_id="initialize_parameters_random" kind="solution"
# en: GRADED FUNCTION: initialize_parameters_random
# pt: FUNÇÃO AVALIADA: initialize_parameters_random

def initialize_parameters_random(layers_dims):
    """
    en: Initialize the weights with large random values (standard normal times 10) and the biases with zeros.
    pt: Inicializa os pesos com valores aleatórios grandes (normal padrão vezes 10) e os vieses com zeros.

    en: Parameters
    pt: Parâmetros
    ----------
    en: layers_dims : list of int, the size of each layer, input first, e.g. [2, 10, 5, 1]
    pt: layers_dims : lista de int, o tamanho de cada camada, a entrada primeiro, p. ex. [2, 10, 5, 1]

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict with the float arrays "W1", "b1", ..., "WL", "bL":
    pt: parameters : dict com os arrays de float "W1", "b1", ..., "WL", "bL":
    en:     W{l} of shape (layers_dims[l], layers_dims[l-1]), b{l} of shape (layers_dims[l], 1)
    pt:     W{l} de formato (layers_dims[l], layers_dims[l-1]), b{l} de formato (layers_dims[l], 1)
    """
    # en: This seed makes your "random" numbers the same as ours.
    # pt: Esta semente faz os seus números "aleatórios" serem iguais aos nossos.
    np.random.seed(3)
    parameters = {}
    # en: The number of layers with parameters (the input layer has none).
    # pt: O número de camadas com parâmetros (a camada de entrada não tem).
    L = len(layers_dims) - 1

    for l in range(1, L + 1):
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return parameters


# %% grade_id="initialize_parameters_random_example" kind="tests" points=1
"""
en: Check initialize_parameters_random on the example layers_dims = [3, 2, 1]. Expected output:
pt: Verifica initialize_parameters_random no exemplo layers_dims = [3, 2, 1]. Saída esperada:
W1 = [[ 17.88628473   4.36509851   0.96497468]
 [-18.63492703  -2.77388203  -3.54758979]]
b1 = [[0.]
 [0.]]
W2 = [[-0.82741481 -6.27000677]]
b2 = [[0.]]
"""
layers_dims = initialize_parameters_random_test_case()
parameters = initialize_parameters_random(layers_dims)
check_parameters("parameters", parameters, layers_dims)
print("W1 = " + str(parameters["W1"]))
print("b1 = " + str(parameters["b1"]))
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))
check_close("W1", parameters["W1"], [[17.88628473, 4.36509851, 0.96497468], [-18.63492703, -2.77388203, -3.54758979]])
check_close("b1", parameters["b1"], [[0], [0]], rtol=0, atol=0)
check_close("W2", parameters["W2"], [[-0.82741481, -6.27000677]])
check_close("b2", parameters["b2"], [[0]], rtol=0, atol=0)
passed()

# %% grade_id="initialize_parameters_random_hidden" kind="tests" points=2
# en: Hidden tests of initialize_parameters_random: deeper and shallower networks; keys, shapes, dtype and values.
# pt: Testes ocultos de initialize_parameters_random: redes mais e menos profundas; chaves, formatos, dtype e valores.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/initialization.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/initialization.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Run the following code to train your model for 15 000 iterations using random initialization.

# %% [markdown] lang="pt"
# Rode o código a seguir para treinar o seu modelo por 15 000 iterações com a inicialização aleatória.

# %%
parameters, costs = model(train_X, train_Y, initialization="random")
print("On the train set:")  # [en]
print("No conjunto de treinamento:")  # [pt]
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")  # [en]
print("No conjunto de teste:")  # [pt]
predictions_test = predict(test_X, test_Y, parameters)

# %% [markdown] lang="en"
# The cost after iteration 0 is `inf`, infinite. Symmetry is broken, and this gives better results than
# before: the model no longer outputs 0 for everything. Look at the cost curve and the decision boundary
# (the infinite first cost is left out of the plot):

# %% [markdown] lang="pt"
# O custo após a iteração 0 é `inf`, infinito. A simetria está quebrada, e isso dá resultados melhores que
# antes: o modelo não responde mais 0 para tudo. Veja a curva do custo e a fronteira de decisão (o primeiro
# custo, infinito, fica fora do gráfico):

# %%
show_training(costs, parameters, "Model with large random initialization")  # [en]
show_training(costs, parameters, "Modelo com inicialização aleatória grande")  # [pt]

# %% [markdown] lang="en"
# **Observations**:
# - **Saturation.** With weights of order 10, the values grow at every layer: $z^{[3]}$ is in the hundreds
#   or thousands, and the sigmoid of such a number is *exactly* 0.0 or 1.0 in floating point. The
#   network answers with complete certainty, and for every example where that confident answer is wrong the
#   loss is $-\log(0) = \infty$. That is the `inf` of iteration 0. (`compute_loss` computes it without a
#   warning, but the cost really is infinite.)
# - **Exploding gradients.** The same large weights multiply the gradients on their way back, so the first
#   steps of gradient descent are huge and erratic; the cost then decreases slowly. Poor initialization
#   can lead to vanishing or exploding gradients, which also slows down the optimization algorithm.
# - If you train this network longer you will see better results, but initializing with overly large random
#   numbers slows down the optimization: after 15 000 iterations the boundary is still rough.
#
# <font color='blue'>**In summary**:
# - Initializing weights to very large random values does not work well.
# - Hopefully initializing with small random values does better. The important question is: how small
#   should these random values be? Let's find out in the next part!</font>
#
# ## 6 - He initialization
#
# Finally, try "He initialization", named for the first author of He et al., 2015. (If you have heard of
# "Xavier initialization", this is similar except Xavier initialization (the variant used in this course)
# uses a scaling factor for the weights $W^{[l]}$ of `sqrt(1./layers_dims[l-1])` where He initialization
# would use `sqrt(2./layers_dims[l-1])`.)
#
# The idea: a unit of layer $l$ sums `layers_dims[l-1]` inputs. Weights of variance
# $\frac{2}{n^{[l-1]}}$ keep the variance of $z^{[l]}$ about the same from layer to layer: the
# $\frac{1}{n^{[l-1]}}$ compensates the number of terms of the sum, and the 2 compensates the ReLU, which
# sets about half of the values to zero.
#
# **Exercise**: implement the following function to initialize your parameters with He initialization.
#
# **Hint**: this function is similar to the previous `initialize_parameters_random(...)`. The only
# difference is that instead of multiplying `np.random.randn(.., ..)` by 10, you will multiply it by
# $\sqrt{\frac{2}{\text{dimension of the previous layer}}}$, which is what He initialization recommends
# for layers with a ReLU activation.

# %% [markdown] lang="pt"
# **Observações**:
# - **Saturação.** Com pesos da ordem de 10, os valores crescem a cada camada: $z^{[3]}$ fica na casa das
#   centenas ou dos milhares, e a sigmoide de um número assim é *exatamente* 0,0 ou 1,0 em ponto flutuante.
#   A rede responde com certeza absoluta, e em cada exemplo em que essa resposta categórica está errada a perda
#   é $-\log(0) = \infty$. Esse é o `inf` da iteração 0. (`compute_loss` o calcula sem aviso, mas o custo é
#   mesmo infinito.)
# - **Gradientes que explodem.** Os mesmos pesos grandes multiplicam os gradientes no caminho de volta, e
#   por isso os primeiros passos da descida de gradiente são enormes e erráticos; depois o custo diminui
#   devagar. Uma inicialização ruim pode levar a gradientes que desaparecem ou explodem
#   (*vanishing/exploding gradients*), o que também torna o algoritmo de otimização mais lento.
# - Se você treinar esta rede por mais tempo, verá resultados melhores, mas inicializar com números
#   aleatórios grandes demais torna a otimização lenta: após 15 000 iterações a fronteira ainda é grosseira.
#
# <font color='blue'>**Em resumo**:
# - Inicializar os pesos com valores aleatórios muito grandes não funciona bem.
# - Espera-se que inicializar com valores aleatórios pequenos funcione melhor. A pergunta importante é:
#   quão pequenos devem ser esses valores aleatórios? Vamos descobrir na próxima parte!</font>
#
# ## 6 - Inicialização de He
#
# Por fim, experimente a "inicialização de He", que leva o nome do primeiro autor de He et al., 2015. (Se
# você já ouviu falar da "inicialização de Xavier", ela é parecida, só que a inicialização de Xavier (a
# variante usada neste curso) usa um fator de escala `sqrt(1./layers_dims[l-1])` para os pesos $W^{[l]}$,
# enquanto a de He usa `sqrt(2./layers_dims[l-1])`.)
#
# A ideia: uma unidade da camada $l$ soma `layers_dims[l-1]` entradas. Pesos de variância
# $\frac{2}{n^{[l-1]}}$ mantêm a variância de $z^{[l]}$ mais ou menos igual de uma camada para a outra: o
# $\frac{1}{n^{[l-1]}}$ compensa o número de termos da soma, e o 2 compensa a ReLU, que zera mais ou menos
# metade dos valores.
#
# **Exercício**: implemente a função a seguir para inicializar os parâmetros com a inicialização de He.
#
# **Dica**: esta função é parecida com a anterior, `initialize_parameters_random(...)`. A única diferença
# é que, em vez de multiplicar `np.random.randn(.., ..)` por 10, você vai multiplicá-lo por
# $\sqrt{\frac{2}{\text{dimensão da camada anterior}}}$, que é o que a inicialização de He recomenda para
# camadas com ativação ReLU.

# %% grade_id="initialize_parameters_he" kind="solution"
# en: GRADED FUNCTION: initialize_parameters_he
# pt: FUNÇÃO AVALIADA: initialize_parameters_he

def initialize_parameters_he(layers_dims):
    """
    en: He initialization: standard normal weights times sqrt(2 / size of the previous layer), zero biases.
    pt: Inicialização de He: pesos normais padrão vezes sqrt(2 / tamanho da camada anterior), vieses nulos.

    en: Parameters
    pt: Parâmetros
    ----------
    en: layers_dims : list of int, the size of each layer, input first, e.g. [2, 10, 5, 1]
    pt: layers_dims : lista de int, o tamanho de cada camada, a entrada primeiro, p. ex. [2, 10, 5, 1]

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict with the float arrays "W1", "b1", ..., "WL", "bL":
    pt: parameters : dict com os arrays de float "W1", "b1", ..., "WL", "bL":
    en:     W{l} of shape (layers_dims[l], layers_dims[l-1]), b{l} of shape (layers_dims[l], 1)
    pt:     W{l} de formato (layers_dims[l], layers_dims[l-1]), b{l} de formato (layers_dims[l], 1)
    """
    # en: This seed makes your "random" numbers the same as ours.
    # pt: Esta semente faz os seus números "aleatórios" serem iguais aos nossos.
    np.random.seed(3)
    parameters = {}
    # en: The number of layers with parameters (the input layer has none).
    # pt: O número de camadas com parâmetros (a camada de entrada não tem).
    L = len(layers_dims) - 1

    for l in range(1, L + 1):
        ### en: START CODE HERE ### (≈ 2 lines)
        ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
        ### BEGIN SOLUTION
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        ### END SOLUTION
        ### en: END CODE HERE ###
        ### pt: TERMINE O SEU CÓDIGO AQUI ###
    return parameters


# %% grade_id="initialize_parameters_he_example" kind="tests" points=1
"""
en: Check initialize_parameters_he on the example layers_dims = [2, 4, 1]. Expected output:
pt: Verifica initialize_parameters_he no exemplo layers_dims = [2, 4, 1]. Saída esperada:
W1 = [[ 1.78862847  0.43650985]
 [ 0.09649747 -1.8634927 ]
 [-0.2773882  -0.35475898]
 [-0.08274148 -0.62700068]]
b1 = [[0.]
 [0.]
 [0.]
 [0.]]
W2 = [[-0.03098412 -0.33744411 -0.92904268  0.62552248]]
b2 = [[0.]]
"""
layers_dims = initialize_parameters_he_test_case()
parameters = initialize_parameters_he(layers_dims)
check_parameters("parameters", parameters, layers_dims)
print("W1 = " + str(parameters["W1"]))
print("b1 = " + str(parameters["b1"]))
print("W2 = " + str(parameters["W2"]))
print("b2 = " + str(parameters["b2"]))
check_close("W1", parameters["W1"], [[1.78862847, 0.43650985], [0.09649747, -1.8634927], [-0.2773882, -0.35475898], [-0.08274148, -0.62700068]])
check_close("b1", parameters["b1"], [[0], [0], [0], [0]], rtol=0, atol=0)
check_close("W2", parameters["W2"], [[-0.03098412, -0.33744411, -0.92904268, 0.62552248]])
check_close("b2", parameters["b2"], [[0]], rtol=0, atol=0)
passed()

# %% grade_id="initialize_parameters_he_hidden" kind="tests" points=2
# en: Hidden tests of initialize_parameters_he: deeper and shallower networks; keys, shapes, dtype and values.
# pt: Testes ocultos de initialize_parameters_he: redes mais e menos profundas; chaves, formatos, dtype e valores.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/initialization.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/initialization.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Run the following code to train your model for 15 000 iterations using He initialization.

# %% [markdown] lang="pt"
# Rode o código a seguir para treinar o seu modelo por 15 000 iterações com a inicialização de He.

# %%
parameters, costs = model(train_X, train_Y, initialization="he")
print("On the train set:")  # [en]
print("No conjunto de treinamento:")  # [pt]
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")  # [en]
print("No conjunto de teste:")  # [pt]
predictions_test = predict(test_X, test_Y, parameters)

# %%
show_training(costs, parameters, "Model with He initialization")  # [en]
show_training(costs, parameters, "Modelo com inicialização de He")  # [pt]

# %% [markdown] lang="en"
# **Observations**: the model with He initialization separates the blue and the red dots very well, and
# its cost goes down steadily from a reasonable start.
#
# ## 7 - Inside the network at the start of training
#
# Why do the three initializations behave so differently? The figure below looks inside the network
# *before any training*, on the training set, for each initialization:
# - on the left, the spread (standard deviation) of the values $z^{[1]}$, $z^{[2]}$, $z^{[3]}$ that enter
#   the activation of each layer, on a scale that is linear near 0 and logarithmic above;
# - on the right, the distribution of the output $a^{[3]}$ over the examples.

# %% [markdown] lang="pt"
# **Observações**: o modelo com a inicialização de He separa muito bem os pontos azuis dos vermelhos, e o
# seu custo cai de forma constante a partir de um começo razoável.
#
# ## 7 - Dentro da rede no início do treinamento
#
# Por que as três inicializações se comportam de maneira tão diferente? A figura abaixo olha dentro da rede
# *antes de qualquer treinamento*, no conjunto de treinamento, para cada inicialização:
# - à esquerda, a dispersão (desvio padrão) dos valores $z^{[1]}$, $z^{[2]}$, $z^{[3]}$ que entram na
#   ativação de cada camada, numa escala linear perto de 0 e logarítmica acima;
# - à direita, a distribuição da saída $a^{[3]}$ pelos exemplos.

# %%
def show_spreads():
    """
    en: Plot, for each initialization, the spread of z[1], z[2], z[3] and the histogram of a[3] before training.
    pt: Desenha, para cada inicialização, a dispersão de z[1], z[2], z[3] e o histograma de a[3] antes do treinamento.
    """
    if GRADING:
        return
    layers_dims = [train_X.shape[0], 10, 5, 1]
    names = ["zeros", "random ×10", "He"]  # [en]
    names = ["zeros", "aleatória ×10", "He"]  # [pt]
    spreads, outputs = [], []
    for initialize in [initialize_parameters_zeros, initialize_parameters_random, initialize_parameters_he]:
        a3, cache = forward_propagation(train_X, initialize(layers_dims))
        spreads.append(layer_spreads(cache))
        outputs.append(a3)
    fig, (ax_spread, ax_output) = plt.subplots(1, 2, figsize=(11, 4))
    plot_layer_spreads(spreads, names, ax=ax_spread, layer_names=["z[1]", "z[2]", "z[3]"], ylabel="standard deviation", title="spread of each layer")  # [en]
    plot_layer_spreads(spreads, names, ax=ax_spread, layer_names=["z[1]", "z[2]", "z[3]"], ylabel="desvio padrão", title="dispersão de cada camada")  # [pt]
    plot_output_histograms(outputs, names, ax=ax_output, xlabel="a[3]", ylabel="number of examples", title="output of the network")  # [en]
    plot_output_histograms(outputs, names, ax=ax_output, xlabel="a[3]", ylabel="número de exemplos", title="saída da rede")  # [pt]
    plt.show()
    for name, spread, a3 in zip(names, spreads, outputs):
        saturated = np.mean((a3 == 0) | (a3 == 1))
        print(f"{name:>13}: std z[1], z[2], z[3] = {np.round(spread, 2)}, outputs exactly 0 or 1: {saturated:.0%}")  # [en]
        print(f"{name:>13}: desvio padrão de z[1], z[2], z[3] = {np.round(spread, 2)}, saídas exatamente 0 ou 1: {saturated:.0%}")  # [pt]


show_spreads()

# %% [markdown] lang="en"
# - **Zeros**: every value is 0 in every layer (the line lies on the axis) and every output is 0.5. There is
#   nothing to tell two units apart, and no gradient: symmetry is never broken.
# - **Random ×10**: the spread is multiplied at every layer and reaches the thousands in $z^{[3]}$. Every
#   output is exactly 0 or 1: the sigmoid is **saturated**, the cost is infinite, and the gradients are
#   huge.
# - **He**: the spread stays of the order of 1 from layer to layer, and no output is saturated: the
#   network starts uncertain, its gradients are of a reasonable size, and gradient descent can do its work.

# %% [markdown] lang="pt"
# - **Zeros**: todo valor é 0 em todas as camadas (a linha fica sobre o eixo) e toda saída é 0,5. Não há
#   nada que distinga duas unidades, nem gradiente: a simetria nunca é quebrada.
# - **Aleatória ×10**: a dispersão é multiplicada a cada camada e chega aos milhares em $z^{[3]}$. Toda
#   saída é exatamente 0 ou 1: a sigmoide está **saturada**, o custo é infinito e os gradientes são enormes.
# - **He**: a dispersão fica da ordem de 1 de uma camada para a outra, e nenhuma saída está saturada: a
#   rede começa incerta, os seus gradientes têm um tamanho razoável, e a descida de gradiente pode
#   fazer o seu trabalho.

# %% [markdown] lang="en"
# ## 8 - Conclusions
#
# You have seen three different types of initializations. For the same number of iterations and the same
# hyperparameters, the comparison is (the accuracies your run printed above):
#
# | model | train accuracy | test accuracy | problem / comment |
# |---|---|---|---|
# | 3-layer network with zeros initialization | 50.0 % | 50.0 % | fails to break symmetry |
# | 3-layer network with large random initialization | 83.0 % | 86.0 % | too large weights: saturation |
# | 3-layer network with He initialization | 99.3 % | 96.0 % | recommended method |
#
# <font color='blue'>**What you should remember from this notebook**:
# - Different initializations lead to different results.
# - Random initialization is used to break symmetry and make sure different hidden units can learn
#   different things.
# - Don't initialize to values that are too large.
# - He initialization works well for networks with ReLU activations.</font>

# %% [markdown] lang="pt"
# ## 8 - Conclusões
#
# Você viu três tipos diferentes de inicialização. Com o mesmo número de iterações e os mesmos
# hiperparâmetros, a comparação é (as acurácias que a sua execução imprimiu acima):
#
# | modelo | acurácia de treinamento | acurácia de teste | problema / comentário |
# |---|---|---|---|
# | rede de 3 camadas com inicialização com zeros | 50,0 % | 50,0 % | não quebra a simetria |
# | rede de 3 camadas com inicialização aleatória grande | 83,0 % | 86,0 % | pesos grandes demais: saturação |
# | rede de 3 camadas com inicialização de He | 99,3 % | 96,0 % | método recomendado |
#
# <font color='blue'>**O que você deve lembrar deste notebook**:
# - Inicializações diferentes levam a resultados diferentes.
# - A inicialização aleatória serve para quebrar a simetria e garantir que unidades ocultas diferentes
#   possam aprender coisas diferentes.
# - Não inicialize com valores grandes demais.
# - A inicialização de He funciona bem para redes com ativações ReLU.</font>
