# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   pack:
#     order: 3
#     notebook: regularization.ipynb
#     files: [reg_utils.py, reg_testcases.py, testCases.py, language.py, figures.py, datasets/data.mat]
#     titles: {en: Regularization, pt: Regularização}
# ---

# %% [markdown] lang="en"
# # Regularization
#
# Welcome to this assignment! Deep networks are flexible enough to memorize their training set: they
# **overfit**. A model that overfits does very well on the examples it has seen and badly on new ones.
# Regularization is the family of techniques that fights this. In this notebook you will implement and
# compare the two most used ones:
#
# - **L2 regularization**, which penalizes large weights;
# - **dropout**, which shuts down random units at every training step.
#
# **You will learn to:** write the L2-regularized cost and its gradients, implement inverted dropout in
# forward and backward propagation, and judge a regularizer by its effect on the *test* accuracy.
#
# **Instructions**
# - Write your code only between `### START CODE HERE ###` and `### END CODE HERE ###`; the comment
#   `(≈ N lines)` says roughly how much code is expected. In each such place, replace `# YOUR CODE HERE` and
#   the `raise NotImplementedError()` line with your code.
# - Do not add, delete or move the test cells. Each one checks the function just above it and tells you
#   which output is wrong. The autograder runs the same checks plus hidden ones on other inputs.
# - Run the cells in order, from the top.

# %% [markdown] lang="pt"
# # Regularização
#
# Bem-vindo a esta tarefa! Redes profundas são flexíveis o bastante para decorar o conjunto de
# treinamento: elas sofrem **sobreajuste** (*overfitting*). Um modelo sobreajustado vai muito bem nos
# exemplos que já viu e mal nos exemplos novos. Regularização é a família de técnicas que combate isso.
# Neste notebook você vai implementar e comparar as duas mais usadas:
#
# - **regularização L2**, que penaliza pesos grandes;
# - **dropout**, que desliga unidades aleatórias a cada passo do treinamento.
#
# **Você vai aprender a:** escrever o custo com regularização L2 e seus gradientes, implementar o dropout
# invertido na propagação para frente e para trás, e julgar um regularizador pelo efeito na acurácia do
# conjunto de *teste*.
#
# **Instruções**
# - Escreva o seu código somente entre `### INICIE O SEU CÓDIGO AQUI ###` e
#   `### TERMINE O SEU CÓDIGO AQUI ###`; o comentário `(≈ N linhas)` indica aproximadamente quantas linhas de
#   código são esperadas. Em cada um desses lugares, substitua `# SEU CÓDIGO AQUI` e a linha
#   `raise NotImplementedError()` pelo seu código.
# - Não acrescente, apague nem mova as células de teste. Cada uma verifica a função logo acima e diz qual
#   saída está errada. O corretor automático roda as mesmas verificações e outras, ocultas, com outras entradas.
# - Rode as células em ordem, de cima para baixo.

# %% [markdown] lang="en"
# ## 1 - Packages
#
# - [numpy](https://numpy.org) for all the computation;
# - [matplotlib](https://matplotlib.org) for the plots;
# - `reg_utils` provides the plain three-layer network (forward and backward propagation, cost, update,
#   prediction) and the dataset; `reg_testcases` gives the inputs of the tests and `testCases` readable checks;
#   `figures` draws the figures of this notebook.

# %% [markdown] lang="pt"
# ## 1 - Pacotes
#
# - [numpy](https://numpy.org) para todos os cálculos;
# - [matplotlib](https://matplotlib.org) para os gráficos;
# - `reg_utils` fornece a rede simples de três camadas (propagação para frente e para trás, custo,
#   atualização, predição) e o conjunto de dados; `reg_testcases` fornece as entradas dos testes e `testCases`,
#   verificações legíveis; `figures` desenha as figuras deste notebook.

# %% imports=true
import os

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from reg_utils import sigmoid, relu, initialize_parameters, forward_propagation, backward_propagation
from reg_utils import compute_cost, update_parameters, predict, predict_dec, plot_decision_boundary
from reg_utils import load_2D_dataset
from testCases import *
from reg_testcases import *
from figures import draw_network, plot_costs, plot_field

# %matplotlib inline
plt.rcParams["figure.figsize"] = (6.0, 4.5)
set_language("en")  # [en]
set_language("pt")  # [pt]
# en: The autograder (nbgrader sets NBGRADER_EXECUTION) trains for a few iterations only: no grade depends on training.
# pt: O corretor automático (o nbgrader define NBGRADER_EXECUTION) treina só algumas iterações: nenhuma nota depende do treinamento.
GRADING = "NBGRADER_EXECUTION" in os.environ

# %% [markdown] lang="en"
# ## 2 - Problem statement
#
# You have just been hired as an AI expert by a football federation. They would like you to recommend
# positions where the goalkeeper should kick the ball so that the team's players can then hit it with
# their head.
#
# The federation gives you a dataset of past games: each dot is a position on the field where the
# goalkeeper kicked the ball, after which a player headed it. A **blue** dot (label 1) means one of our
# players won the header; a **red** dot (label 0) means an opponent did.
#
# **Your goal:** a deep learning model that finds the positions on the field where the goalkeeper should
# kick the ball.

# %% [markdown] lang="pt"
# ## 2 - Enunciado do problema
#
# Você acaba de ser contratado como especialista em IA por uma federação de futebol. Ela quer que você
# recomende as posições para onde o goleiro deve chutar a bola de modo que os jogadores do time consigam
# cabeceá-la.
#
# A federação entrega um conjunto de dados de jogos anteriores: cada ponto é uma posição do campo para
# onde o goleiro chutou a bola, que em seguida um jogador cabeceou. Um ponto **azul** (rótulo 1) quer dizer
# que um jogador do nosso time ganhou o cabeceio; um ponto **vermelho** (rótulo 0), que foi um adversário.
#
# **Seu objetivo:** um modelo de aprendizado profundo que encontre as posições do campo para onde o
# goleiro deve chutar a bola.

# %%
train_X, train_Y, test_X, test_Y = load_2D_dataset()
print("train_X:", train_X.shape, " train_Y:", train_Y.shape, " test_X:", test_X.shape, " test_Y:", test_Y.shape)
plot_field(train_X, train_Y, title="Training set: where the ball was kicked")  # [en]
plot_field(train_X, train_Y, title="Conjunto de treinamento: para onde a bola foi chutada")  # [pt]
plt.show()

# %% [markdown] lang="en"
# The data is noisy, but a diagonal line seems to separate the upper left half (blue) from the lower
# right half (red). You will first train a network without any regularization, then learn how to
# regularize it and decide which model to recommend to the federation.
#
# ## 3 - Non-regularized model
#
# The model below is a three-layer network, LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, with layer
# sizes `[X.shape[0], 20, 3, 1]`. It can be used:
# - in *regularization mode*, with `lambd` set to a non-zero value (we do not call it `lambda`, a Python
#   keyword);
# - in *dropout mode*, with `keep_prob` set to a value below one.
#
# Only one mode at a time. You will write the functions of both modes; the model is given. Read it.

# %% [markdown] lang="pt"
# Os dados têm ruído, mas uma linha diagonal parece separar a metade de cima à esquerda (azul) da metade
# de baixo à direita (vermelha). Primeiro você vai treinar uma rede sem nenhuma regularização, depois vai
# aprender a regularizá-la e decidir qual modelo recomendar à federação.
#
# ## 3 - Modelo sem regularização
#
# O modelo abaixo é uma rede de três camadas, LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID, com tamanhos
# de camada `[X.shape[0], 20, 3, 1]`. Ele pode ser usado:
# - no *modo de regularização*, com `lambd` diferente de zero (não o chamamos de `lambda`, uma palavra
#   reservada do Python);
# - no *modo de dropout*, com `keep_prob` menor que um.
#
# Um modo de cada vez. Você vai escrever as funções dos dois modos; o modelo já está pronto. Leia-o.

# %% reference=true
def model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=True, lambd=0, keep_prob=1):
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
    en: print_cost : bool, print the cost every 10000 iterations
    pt: print_cost : bool, imprime o custo a cada 10000 iterações
    en: lambd : float, the L2 regularization hyperparameter (0: no L2)
    pt: lambd : float, o hiperparâmetro da regularização L2 (0: sem L2)
    en: keep_prob : float, the probability of keeping a unit active in dropout (1: no dropout)
    pt: keep_prob : float, a probabilidade de manter uma unidade ativa no dropout (1: sem dropout)

    en: Returns
    pt: Retorna
    -------
    en: parameters : dict, the learned parameters, to predict with
    pt: parameters : dict, os parâmetros aprendidos, para fazer predições
    en: costs : list of float, the cost every 1000 iterations
    pt: costs : lista de float, o custo a cada 1000 iterações
    """
    assert lambd == 0 or keep_prob == 1, "use L2 or dropout, not both"  # [en]
    assert lambd == 0 or keep_prob == 1, "use L2 ou dropout, não os dois"  # [pt]
    if GRADING:
        num_iterations = min(num_iterations, 10)
    costs = []
    layers_dims = [X.shape[0], 20, 3, 1]
    parameters = initialize_parameters(layers_dims)
    for i in tqdm(range(num_iterations), desc="training", disable=GRADING):  # [en]
    for i in tqdm(range(num_iterations), desc="treinamento", disable=GRADING):  # [pt]
        # en: Forward propagation: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.
        # pt: Propagação para frente: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.
        if keep_prob == 1:
            a3, cache = forward_propagation(X, parameters)
        else:
            a3, cache = forward_propagation_with_dropout(X, parameters, keep_prob)
        # en: Cost function.
        # pt: Função de custo.
        if lambd == 0:
            cost = compute_cost(a3, Y)
        else:
            cost = compute_cost_with_regularization(a3, Y, parameters, lambd)
        # en: Backward propagation.
        # pt: Propagação para trás.
        if lambd == 0 and keep_prob == 1:
            grads = backward_propagation(X, Y, cache)
        elif lambd != 0:
            grads = backward_propagation_with_regularization(X, Y, cache, lambd)
        else:
            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
        if print_cost and i % 10000 == 0:
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
    plot_costs(costs, ax=ax_cost, xlabel="iterations (thousands)", ylabel="cost", title="learning rate = 0.3")  # [en]
    plot_costs(costs, ax=ax_cost, xlabel="iterações (milhares)", ylabel="custo", title="taxa de aprendizado = 0,3")  # [pt]
    plot_decision_boundary(lambda x: predict_dec(parameters, x.T), train_X, train_Y, ax=ax_field, title=title)
    plt.show()


# %% [markdown] lang="en"
# Train the model without any regularization and look at its accuracy on the training and test sets.

# %% [markdown] lang="pt"
# Treine o modelo sem nenhuma regularização e veja a acurácia nos conjuntos de treinamento e de teste.

# %%
parameters, costs = model(train_X, train_Y)
print("On the training set:")  # [en]
print("No conjunto de treinamento:")  # [pt]
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")  # [en]
print("No conjunto de teste:")  # [pt]
predictions_test = predict(test_X, test_Y, parameters)

# %% [markdown] lang="en"
# The cost curve, and the **decision boundary** the model learned (run the cell):

# %% [markdown] lang="pt"
# A curva do custo e a **fronteira de decisão** que o modelo aprendeu (rode a célula):

# %%
show_training(costs, parameters, "Model without regularization")  # [en]
show_training(costs, parameters, "Modelo sem regularização")  # [pt]

# %% [markdown] lang="en"
# This non-regularized network is the **basic model** (the baseline): the regularized models below are
# compared with it. It overfits: its boundary bends around isolated points of the training set, the noise,
# and its test accuracy (89.5 %) is clearly below its training accuracy (94.8 %). Let us look at two
# techniques that reduce overfitting.
#
# ## 4 - L2 regularization
#
# The standard way to avoid overfitting is **L2 regularization**. It changes the cost function from
# the cross-entropy:
# $$J = -\frac{1}{m} \sum\limits_{i = 1}^{m} \large{(}\small  y^{(i)}\log\left(a^{[L](i)}\right) + (1-y^{(i)})\log\left(1- a^{[L](i)}\right) \large{)} \tag{1}$$
# to:
# $$J_{regularized} = \small \underbrace{-\frac{1}{m} \sum\limits_{i = 1}^{m} \large{(}\small y^{(i)}\log\left(a^{[L](i)}\right) + (1-y^{(i)})\log\left(1- a^{[L](i)}\right) \large{)} }_\text{cross-entropy cost} + \underbrace{\frac{1}{m} \frac{\lambda}{2} \sum\limits_l\sum\limits_k\sum\limits_j W_{k,j}^{[l]2} }_\text{L2 regularization cost} \tag{2}$$
#
# **Exercise**: implement `compute_cost_with_regularization()`, the cost of formula (2). To compute
# $\sum\limits_k\sum\limits_j W_{k,j}^{[l]2}$ use `np.sum(np.square(Wl))`. Do it for $W^{[1]}$,
# $W^{[2]}$ and $W^{[3]}$, add the three sums and multiply by $\frac{1}{m} \frac{\lambda}{2}$.
# The bias vectors $b^{[l]}$ are not regularized.

# %% [markdown] lang="pt"
# Esta rede sem regularização é o **modelo básico** (a referência): os modelos regularizados a seguir são
# comparados com ele. Ele está sobreajustado: a fronteira se curva em volta de pontos isolados do conjunto de
# treinamento, o ruído, e a acurácia de teste (89,5 %) fica bem abaixo da de treinamento (94,8 %). Vejamos
# duas técnicas que reduzem o sobreajuste.
#
# ## 4 - Regularização L2
#
# A maneira padrão de evitar o sobreajuste é a **regularização L2**. Ela troca a função de custo de
# entropia cruzada:
# $$J = -\frac{1}{m} \sum\limits_{i = 1}^{m} \large{(}\small  y^{(i)}\log\left(a^{[L](i)}\right) + (1-y^{(i)})\log\left(1- a^{[L](i)}\right) \large{)} \tag{1}$$
# por:
# $$J_{regularizado} = \small \underbrace{-\frac{1}{m} \sum\limits_{i = 1}^{m} \large{(}\small y^{(i)}\log\left(a^{[L](i)}\right) + (1-y^{(i)})\log\left(1- a^{[L](i)}\right) \large{)} }_\text{custo de entropia cruzada} + \underbrace{\frac{1}{m} \frac{\lambda}{2} \sum\limits_l\sum\limits_k\sum\limits_j W_{k,j}^{[l]2} }_\text{custo da regularização L2} \tag{2}$$
#
# **Exercício**: implemente `compute_cost_with_regularization()`, o custo da fórmula (2). Para calcular
# $\sum\limits_k\sum\limits_j W_{k,j}^{[l]2}$ use `np.sum(np.square(Wl))`. Faça isso para $W^{[1]}$,
# $W^{[2]}$ e $W^{[3]}$, some os três termos e multiplique por $\frac{1}{m} \frac{\lambda}{2}$.
# Os vetores de vieses (*bias*) $b^{[l]}$ não são regularizados.

# %% grade_id="compute_cost_with_regularization" kind="solution"
# en: GRADED FUNCTION: compute_cost_with_regularization
# pt: FUNÇÃO AVALIADA: compute_cost_with_regularization

def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """
    en: Cost with L2 regularization, formula (2).
    pt: Custo com regularização L2, fórmula (2).

    en: Parameters
    pt: Parâmetros
    ----------
    en: A3 : ndarray of shape (1, m), post-activation of the output layer
    pt: A3 : ndarray de formato (1, m), a pós-ativação da camada de saída
    en: Y : ndarray of shape (1, m), the true labels
    pt: Y : ndarray de formato (1, m), os rótulos verdadeiros
    en: parameters : dict with W1, b1, W2, b2, W3, b3
    pt: parameters : dict com W1, b1, W2, b2, W3, b3
    en: lambd : float, the regularization hyperparameter
    pt: lambd : float, o hiperparâmetro de regularização

    en: Returns
    pt: Retorna
    -------
    en: cost : float, the value of the regularized cost, formula (2)
    pt: cost : float, o valor do custo regularizado, fórmula (2)
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]

    # en: The cross-entropy part of the cost.
    # pt: A parte de entropia cruzada do custo.
    cross_entropy_cost = compute_cost(A3, Y)

    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###

    cost = cross_entropy_cost + L2_regularization_cost
    return cost


# %% grade_id="compute_cost_with_regularization_example" kind="tests" points=1
"""
en: Check compute_cost_with_regularization on the example. Expected output: cost = 1.786485945...
pt: Verifica compute_cost_with_regularization no exemplo. Saída esperada: custo = 1.786485945...
"""
A3, Y_assess, parameters = compute_cost_with_regularization_test_case()
cost = compute_cost_with_regularization(A3, Y_assess, parameters, lambd=0.1)
print("cost = " + str(cost))  # [en]
print("custo = " + str(cost))  # [pt]
check_close("cost", cost, 1.7864859451590758)
passed()

# %% grade_id="compute_cost_with_regularization_hidden" kind="tests" points=2
# en: Hidden tests of compute_cost_with_regularization: other networks, other labels, other λ.
# pt: Testes ocultos de compute_cost_with_regularization: outras redes, outros rótulos, outro λ.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/regularization.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/regularization.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Of course, because you changed the cost, you have to change backward propagation as well! All the
# gradients are computed with respect to this new cost.
#
# **Exercise**: implement the changes needed in backward propagation to take regularization into
# account. The changes concern only dW1, dW2 and dW3. For each, add the gradient of the regularization
# term: $\frac{d}{dW} \left( \frac{1}{2}\frac{\lambda}{m}  W^2 \right) = \frac{\lambda}{m} W$.

# %% [markdown] lang="pt"
# É claro que, como você mudou o custo, precisa mudar também a propagação para trás! Todos os gradientes
# são calculados em relação a esse novo custo.
#
# **Exercício**: implemente as mudanças necessárias na propagação para trás para levar em conta a
# regularização. As mudanças dizem respeito apenas a dW1, dW2 e dW3. Em cada um, some o gradiente do termo
# de regularização: $\frac{d}{dW} \left( \frac{1}{2}\frac{\lambda}{m}  W^2 \right) = \frac{\lambda}{m} W$.

# %% grade_id="backward_propagation_with_regularization" kind="solution"
# en: GRADED FUNCTION: backward_propagation_with_regularization
# pt: FUNÇÃO AVALIADA: backward_propagation_with_regularization

def backward_propagation_with_regularization(X, Y, cache, lambd):
    """
    en: Backward propagation of the basic model with L2 regularization added.
    pt: Propagação para trás do modelo básico com a regularização L2 acrescentada.

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (input size, m), the input data
    pt: X : ndarray de formato (tamanho da entrada, m), os dados de entrada
    en: Y : ndarray of shape (1, m), the true labels
    pt: Y : ndarray de formato (1, m), os rótulos verdadeiros
    en: cache : tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) from forward_propagation()
    pt: cache : tupla (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) de forward_propagation()
    en: lambd : float, the regularization hyperparameter
    pt: lambd : float, o hiperparâmetro de regularização

    en: Returns
    pt: Retorna
    -------
    en: gradients : dict with the gradients dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    pt: gradients : dict com os gradientes dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / m * W3
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / m * W2
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    ### en: START CODE HERE ### (≈ 1 line)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 1 linha)
    ### BEGIN SOLUTION
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% grade_id="backward_propagation_with_regularization_example" kind="tests" points=1
"""
en: Check backward_propagation_with_regularization on the example (λ = 0.7). Expected output:
pt: Verifica backward_propagation_with_regularization no exemplo (λ = 0,7). Saída esperada:
dW1 = [[-0.25604646  0.12298827 -0.28297129]
 [-0.17706303  0.34536094 -0.4410571 ]]
dW2 = [[ 0.79276486  0.85133918]
 [-0.0957219  -0.01720463]
 [-0.13100772 -0.03750433]]
dW3 = [[-1.77691347 -0.11832879 -0.09397446]]
"""
X_assess, Y_assess, cache = backward_propagation_with_regularization_test_case()
grads = backward_propagation_with_regularization(X_assess, Y_assess, cache, lambd=0.7)
print("dW1 = " + str(grads["dW1"]))
print("dW2 = " + str(grads["dW2"]))
print("dW3 = " + str(grads["dW3"]))
check_keys("grads", grads, ["dW1", "db1", "dW2", "db2", "dW3", "db3"])
check_close("dW1", grads["dW1"], [[-0.25604646, 0.12298827, -0.28297129], [-0.17706303, 0.34536094, -0.4410571]])
check_close("dW2", grads["dW2"], [[0.79276486, 0.85133918], [-0.0957219, -0.01720463], [-0.13100772, -0.03750433]])
check_close("dW3", grads["dW3"], [[-1.77691347, -0.11832879, -0.09397446]])
passed()

# %% grade_id="backward_propagation_with_regularization_hidden" kind="tests" points=2
# en: Hidden tests of backward_propagation_with_regularization: other networks and λ; every dW and db.
# pt: Testes ocultos de backward_propagation_with_regularization: outras redes e λ; todos os dW e db.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/regularization.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/regularization.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Now train the model with L2 regularization, $\lambda = 0.7$. The `model()` function calls
# `compute_cost_with_regularization` instead of `compute_cost` and
# `backward_propagation_with_regularization` instead of `backward_propagation`.

# %% [markdown] lang="pt"
# Agora treine o modelo com regularização L2, $\lambda = 0{,}7$. A função `model()` chama
# `compute_cost_with_regularization` no lugar de `compute_cost` e
# `backward_propagation_with_regularization` no lugar de `backward_propagation`.

# %%
parameters, costs = model(train_X, train_Y, lambd=0.7)
print("On the training set:")  # [en]
print("No conjunto de treinamento:")  # [pt]
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")  # [en]
print("No conjunto de teste:")  # [pt]
predictions_test = predict(test_X, test_Y, parameters)

# %%
show_training(costs, parameters, "Model with L2 regularization")  # [en]
show_training(costs, parameters, "Modelo com regularização L2")  # [pt]

# %% [markdown] lang="en"
# The test accuracy went up from the basic model's 89.5 %: the model no longer fits the noise of the
# training set, and its decision boundary is smoother.
#
# **Observations**:
# - $\lambda$ is a hyperparameter that you tune on a dev set.
# - L2 regularization makes the boundary smoother. If $\lambda$ is too large, it can also "oversmooth",
#   giving a model with high bias.
#
# **What is L2 regularization actually doing?** It relies on the assumption that a model with small
# weights is simpler than a model with large weights. Penalizing the squared weights in the cost drives
# all the weights to smaller values: it becomes too costly to have large weights. The output then changes
# more slowly as the input changes. That is why L2 regularization is also called *weight decay*: each
# gradient step multiplies the weights by $1 - \frac{\alpha\lambda}{m}$ before the usual update.
#
# <font color='blue'>**What you should remember** about L2 regularization:
# - the cost gets a regularization term;
# - backward propagation gets extra terms in the gradients with respect to the weight matrices;
# - the weights end up smaller ("weight decay").</font>

# %% [markdown] lang="pt"
# A acurácia de teste subiu em relação aos 89,5 % do modelo básico: o modelo deixou de se ajustar ao ruído
# do conjunto de treinamento, e a fronteira de decisão ficou mais suave.
#
# **Observações**:
# - $\lambda$ é um hiperparâmetro que você ajusta num conjunto de validação.
# - A regularização L2 deixa a fronteira mais suave. Se $\lambda$ for grande demais, ela pode "suavizar
#   demais" e produzir um modelo com viés alto.
#
# **O que a regularização L2 faz de fato?** Ela se apoia na hipótese de que um modelo com pesos pequenos
# é mais simples que um modelo com pesos grandes. Penalizar o quadrado dos pesos no custo leva todos os
# pesos a valores menores: ter pesos grandes fica caro demais. A saída então muda mais devagar quando a
# entrada muda. Por isso a regularização L2 também é chamada de *decaimento de pesos* (*weight decay*):
# cada passo de gradiente multiplica os pesos por $1 - \frac{\alpha\lambda}{m}$ antes da atualização usual.
#
# <font color='blue'>**O que você deve lembrar** sobre a regularização L2:
# - o custo ganha um termo de regularização;
# - a propagação para trás ganha termos extras nos gradientes em relação às matrizes de pesos;
# - os pesos terminam menores ("decaimento de pesos").</font>

# %% [markdown] lang="en"
# ## 5 - Dropout
#
# **Dropout** is a regularization technique made for deep learning: **it randomly shuts down some units
# in each iteration.** At each iteration, you shut down (set to zero) each unit of a layer with
# probability $1 - keep\_prob$, and keep it with probability $keep\_prob$. The dropped units contribute
# neither to the forward nor to the backward propagation of that iteration.
#
# The figure below draws a smaller version of the network (8 units in layer 1 instead of 20) twice, with
# the units that dropout shut down in two different iterations crossed out. In a real implementation, each
# iteration trains a different, smaller model that uses only a subset of the units (this notebook's
# version reuses the same masks, see the note after the dropout model is trained); as a result, the units
# become less sensitive to the activation of any one other unit, because it could be shut down at any time.

# %% [markdown] lang="pt"
# ## 5 - Dropout
#
# **Dropout** é uma técnica de regularização feita para o aprendizado profundo: **ela desliga
# aleatoriamente algumas unidades a cada iteração.** Em cada iteração, cada unidade de uma camada é
# desligada (zerada) com probabilidade $1 - keep\_prob$ e mantida com probabilidade $keep\_prob$. As
# unidades desligadas não contribuem nem para a propagação para frente nem para a propagação para trás
# daquela iteração.
#
# A figura abaixo desenha duas vezes uma versão menor da rede (8 unidades na camada 1 em vez de 20), com as
# unidades desligadas pelo dropout em duas iterações diferentes marcadas com um X. Numa implementação de
# verdade, cada iteração treina um modelo diferente e menor, que usa só um subconjunto das unidades (a versão
# deste notebook reutiliza as mesmas máscaras; veja a nota depois do treinamento com dropout); com isso, as
# unidades ficam menos sensíveis à ativação de qualquer outra unidade, já que ela pode ser desligada a
# qualquer momento.

# %%
rng = np.random.default_rng(0)
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
for iteration, ax in enumerate(axes, start=1):
    dropped = [None, rng.random(8) > 0.7, rng.random(3) > 0.7, None]
    draw_network([2, 8, 3, 1], dropped=dropped, ax=ax, labels=["x", "a[1]", "a[2]", "ŷ"])
    ax.set_title(f"iteration {iteration}")  # [en]
    ax.set_title(f"iteração {iteration}")  # [pt]
plt.show()

# %% [markdown] lang="en"
# ### 5.1 - Forward propagation with dropout
#
# **Exercise**: implement the forward propagation with dropout. You are using a three-layer network and
# add dropout to the first and second hidden layers. Dropout is not applied to the input layer or the
# output layer.
#
# **Instructions**: to shut down some units of the first layer, follow these 4 steps:
# 1. For one example, a random vector $d^{[1]}$ with the same shape as $a^{[1]}$ decides which units are
#    shut down. Here you use a vectorized implementation: create a random matrix
#    $D^{[1]} = [d^{[1](1)} d^{[1](2)} \dots d^{[1](m)}]$, one column per example, with the same shape as
#    $A^{[1]}$, using `np.random.rand(a, b)` (an a × b matrix of random numbers between 0 and 1).
#    `np.random.rand` takes the sizes as separate arguments; `np.zeros` takes a tuple.
# 2. Turn it into a mask of 0s and 1s: each entry is 1 with probability `keep_prob` and 0 otherwise.
#    Hint: `X = (X < keep_prob)` gives `True` (1) with probability `keep_prob`.
# 3. Set $A^{[1]}$ to $A^{[1]} * D^{[1]}$ (units shut down).
# 4. Divide $A^{[1]}$ by `keep_prob`. This is **inverted dropout**: it keeps the expected value of the
#    activations the same with and without dropout, so nothing changes at test time.
#
# Do the same with $D^{[2]}$ for the second layer. The function starts with `np.random.seed(1)`, so that
# the tests can reproduce your masks; keep it.

# %% [markdown] lang="pt"
# ### 5.1 - Propagação para frente com dropout
#
# **Exercício**: implemente a propagação para frente com dropout. Você usa uma rede de três camadas e
# acrescenta dropout na primeira e na segunda camadas ocultas. O dropout não se aplica à camada de entrada
# nem à camada de saída.
#
# **Instruções**: para desligar algumas unidades da primeira camada, siga estes 4 passos:
# 1. Para um exemplo, um vetor aleatório $d^{[1]}$ com o mesmo formato de $a^{[1]}$ decide quais unidades
#    são desligadas. Aqui você usa uma implementação vetorizada: crie uma matriz aleatória
#    $D^{[1]} = [d^{[1](1)} d^{[1](2)} \dots d^{[1](m)}]$, uma coluna por exemplo, com o mesmo formato de
#    $A^{[1]}$, usando `np.random.rand(a, b)` (uma matriz a × b de números aleatórios entre 0 e 1).
#    `np.random.rand` recebe os tamanhos como argumentos separados; `np.zeros` recebe uma tupla.
# 2. Transforme-a numa máscara de 0s e 1s: cada elemento vale 1 com probabilidade `keep_prob` e 0 caso
#    contrário. Dica: `X = (X < keep_prob)` dá `True` (1) com probabilidade `keep_prob`.
# 3. Faça $A^{[1]}$ igual a $A^{[1]} * D^{[1]}$ (unidades desligadas).
# 4. Divida $A^{[1]}$ por `keep_prob`. Isto é o **dropout invertido**: ele mantém o valor esperado das
#    ativações igual com e sem dropout, e assim nada muda na hora do teste.
#
# Faça o mesmo com $D^{[2]}$ na segunda camada. A função começa com `np.random.seed(1)`, para que os
# testes possam reproduzir as suas máscaras; mantenha essa linha.

# %% grade_id="forward_propagation_with_dropout" kind="solution"
# en: GRADED FUNCTION: forward_propagation_with_dropout
# pt: FUNÇÃO AVALIADA: forward_propagation_with_dropout

def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """
    en: Forward propagation LINEAR -> RELU + DROPOUT -> LINEAR -> RELU + DROPOUT -> LINEAR -> SIGMOID.
    pt: Propagação para frente LINEAR -> RELU + DROPOUT -> LINEAR -> RELU + DROPOUT -> LINEAR -> SIGMOID.

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (2, m), the input data
    pt: X : ndarray de formato (2, m), os dados de entrada
    en: parameters : dict with W1 (20, 2), b1 (20, 1), W2 (3, 20), b2 (3, 1), W3 (1, 3), b3 (1, 1)
    pt: parameters : dict com W1 (20, 2), b1 (20, 1), W2 (3, 20), b2 (3, 1), W3 (1, 3), b3 (1, 1)
    en: keep_prob : float, the probability of keeping a unit active
    pt: keep_prob : float, a probabilidade de manter uma unidade ativa

    en: Returns
    pt: Retorna
    -------
    en: A3 : ndarray of shape (1, m), the output of the forward propagation
    pt: A3 : ndarray de formato (1, m), a saída da propagação para frente
    en: cache : tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) for backward propagation
    pt: cache : tupla (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) para a propagação para trás
    """
    np.random.seed(1)

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
    ### en: START CODE HERE ### (≈ 4 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 4 linhas)
    # en: Step 1: initialize matrix D1 = np.random.rand(..., ...) with the shape of A1
    # pt: Passo 1: inicialize a matriz D1 = np.random.rand(..., ...) com o formato de A1
    ### BEGIN SOLUTION
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    ### END SOLUTION
    # en: Step 2: convert entries of D1 to 0 or 1 (using keep_prob as the threshold)
    # pt: Passo 2: converta os elementos de D1 em 0 ou 1 (usando keep_prob como limiar)
    ### BEGIN SOLUTION
    D1 = D1 < keep_prob
    ### END SOLUTION
    # en: Step 3: shut down some units of A1 (set them to zero with the mask D1)
    # pt: Passo 3: desligue algumas unidades de A1 (zere-as com a máscara D1)
    ### BEGIN SOLUTION
    A1 = A1 * D1
    ### END SOLUTION
    # en: Step 4: scale the value of the units that were not shut down
    # pt: Passo 4: escale o valor das unidades que não foram desligadas
    ### BEGIN SOLUTION
    A1 = A1 / keep_prob
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    ### en: START CODE HERE ### (≈ 4 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 4 linhas)
    # en: Step 1: initialize matrix D2 = np.random.rand(..., ...) with the shape of A2
    # pt: Passo 1: inicialize a matriz D2 = np.random.rand(..., ...) com o formato de A2
    ### BEGIN SOLUTION
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    ### END SOLUTION
    # en: Step 2: convert entries of D2 to 0 or 1 (using keep_prob as the threshold)
    # pt: Passo 2: converta os elementos de D2 em 0 ou 1 (usando keep_prob como limiar)
    ### BEGIN SOLUTION
    D2 = D2 < keep_prob
    ### END SOLUTION
    # en: Step 3: shut down some units of A2 (set them to zero with the mask D2)
    # pt: Passo 3: desligue algumas unidades de A2 (zere-as com a máscara D2)
    ### BEGIN SOLUTION
    A2 = A2 * D2
    ### END SOLUTION
    # en: Step 4: scale the value of the units that were not shut down
    # pt: Passo 4: escale o valor das unidades que não foram desligadas
    ### BEGIN SOLUTION
    A2 = A2 / keep_prob
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


# %% grade_id="forward_propagation_with_dropout_example" kind="tests" points=1
"""
en: Check forward_propagation_with_dropout on the example (keep_prob = 0.7). Expected output:
pt: Verifica forward_propagation_with_dropout no exemplo (keep_prob = 0,7). Saída esperada:
A3 = [[0.36974721 0.00305176 0.04565099 0.49683389 0.36974721]]
"""
X_assess, parameters = forward_propagation_with_dropout_test_case()
A3, cache = forward_propagation_with_dropout(X_assess, parameters, keep_prob=0.7)
print("A3 = " + str(A3))
check_close("A3", A3, [[0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]])
check_length("cache", cache, 14)
passed()

# %% grade_id="forward_propagation_with_dropout_hidden" kind="tests" points=2
# en: Hidden tests of forward_propagation_with_dropout: other networks and keep_prob; the output and every entry of the cache.
# pt: Testes ocultos de forward_propagation_with_dropout: outras redes e keep_prob; a saída e cada elemento do cache.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/regularization.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/regularization.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# ### 5.2 - Backward propagation with dropout
#
# **Exercise**: implement the backward propagation with dropout. As before, you are training a
# three-layer network. Add dropout to the first and second hidden layers, using the masks $D^{[1]}$ and
# $D^{[2]}$ stored in the cache.
#
# **Instructions**: backpropagation with dropout is easy. You will have to carry out 2 steps:
# 1. In forward propagation you shut down some units by applying a mask $D^{[1]}$ to `A1`. In backward
#    propagation, shut down the same units by applying the same mask $D^{[1]}$ to `dA1`.
# 2. In forward propagation you divided `A1` by `keep_prob`. In backward propagation, divide `dA1` by
#    `keep_prob` again (the calculus: if $A^{[1]}$ is divided by `keep_prob`, its derivative
#    $dA^{[1]}$ is divided by the same `keep_prob`).

# %% [markdown] lang="pt"
# ### 5.2 - Propagação para trás com dropout
#
# **Exercício**: implemente a propagação para trás com dropout. Como antes, você treina uma rede de três
# camadas. Acrescente dropout à primeira e à segunda camadas ocultas, usando as máscaras $D^{[1]}$ e
# $D^{[2]}$ guardadas no cache.
#
# **Instruções**: a retropropagação com dropout é fácil. São 2 passos:
# 1. Na propagação para frente você desligou algumas unidades aplicando a máscara $D^{[1]}$ a `A1`. Na
#    propagação para trás, desligue as mesmas unidades aplicando a mesma máscara $D^{[1]}$ a `dA1`.
# 2. Na propagação para frente você dividiu `A1` por `keep_prob`. Na propagação para trás, divida `dA1`
#    por `keep_prob` de novo (pelo cálculo: se $A^{[1]}$ é dividido por `keep_prob`, sua derivada
#    $dA^{[1]}$ é dividida pelo mesmo `keep_prob`).

# %% grade_id="backward_propagation_with_dropout" kind="solution"
# en: GRADED FUNCTION: backward_propagation_with_dropout
# pt: FUNÇÃO AVALIADA: backward_propagation_with_dropout

def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """
    en: Backward propagation of the basic model with dropout added.
    pt: Propagação para trás do modelo básico com dropout acrescentado.

    en: Parameters
    pt: Parâmetros
    ----------
    en: X : ndarray of shape (2, m), the input data
    pt: X : ndarray de formato (2, m), os dados de entrada
    en: Y : ndarray of shape (1, m), the true labels
    pt: Y : ndarray de formato (1, m), os rótulos verdadeiros
    en: cache : tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) from forward_propagation_with_dropout()
    pt: cache : tupla (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) de forward_propagation_with_dropout()
    en: keep_prob : float, the probability of keeping a unit active
    pt: keep_prob : float, a probabilidade de manter uma unidade ativa

    en: Returns
    pt: Retorna
    -------
    en: gradients : dict with the gradients dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    pt: gradients : dict com os gradientes dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    ### en: START CODE HERE ### (≈ 2 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
    # en: Step 1: apply the mask D2 to shut down the same units as in forward propagation
    # pt: Passo 1: aplique a máscara D2 para desligar as mesmas unidades da propagação para frente
    ### BEGIN SOLUTION
    dA2 = dA2 * D2
    ### END SOLUTION
    # en: Step 2: scale the value of the units that were not shut down
    # pt: Passo 2: escale o valor das unidades que não foram desligadas
    ### BEGIN SOLUTION
    dA2 = dA2 / keep_prob
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    ### en: START CODE HERE ### (≈ 2 lines)
    ### pt: INICIE O SEU CÓDIGO AQUI ### (≈ 2 linhas)
    # en: Step 1: apply the mask D1 to shut down the same units as in forward propagation
    # pt: Passo 1: aplique a máscara D1 para desligar as mesmas unidades da propagação para frente
    ### BEGIN SOLUTION
    dA1 = dA1 * D1
    ### END SOLUTION
    # en: Step 2: scale the value of the units that were not shut down
    # pt: Passo 2: escale o valor das unidades que não foram desligadas
    ### BEGIN SOLUTION
    dA1 = dA1 / keep_prob
    ### END SOLUTION
    ### en: END CODE HERE ###
    ### pt: TERMINE O SEU CÓDIGO AQUI ###
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2,
                 "dZ2": dZ2, "dW2": dW2, "db2": db2, "dA1": dA1,
                 "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


# %% grade_id="backward_propagation_with_dropout_example" kind="tests" points=1
"""
en: Check backward_propagation_with_dropout on the example (keep_prob = 0.8). Expected output:
pt: Verifica backward_propagation_with_dropout no exemplo (keep_prob = 0,8). Saída esperada:
dA1 = [[ 0.36544439  0.         -0.00188234  0.         -0.17408748]
 [ 0.65515713  0.         -0.00337459  0.         -0.        ]]
dA2 = [[ 0.58180856  0.         -0.00299679  0.         -0.27715731]
 [ 0.          0.53159854 -0.          0.53159854 -0.34089673]
 [ 0.          0.         -0.00292733  0.         -0.        ]]
"""
X_assess, Y_assess, cache = backward_propagation_with_dropout_test_case()
gradients = backward_propagation_with_dropout(X_assess, Y_assess, cache, keep_prob=0.8)
print("dA1 = " + str(gradients["dA1"]))
print("dA2 = " + str(gradients["dA2"]))
check_keys("gradients", gradients, ["dA1", "dA2", "dW1", "db1", "dW2", "db2", "dW3", "db3"])
check_close("dA1", gradients["dA1"], [[0.36544439, 0, -0.00188234, 0, -0.17408748],
                                      [0.65515713, 0, -0.00337459, 0, 0]])
check_close("dA2", gradients["dA2"], [[0.58180856, 0, -0.00299679, 0, -0.27715731],
                                      [0, 0.53159854, 0, 0.53159854, -0.34089673],
                                      [0, 0, -0.00292733, 0, 0]])
passed()

# %% grade_id="backward_propagation_with_dropout_hidden" kind="tests" points=2
# en: Hidden tests of backward_propagation_with_dropout: other networks, keep_prob and masks; every dW and db.
# pt: Testes ocultos de backward_propagation_with_dropout: outras redes, keep_prob e máscaras; todos os dW e db.
### BEGIN HIDDEN TESTS
# en: Checked by the grader outside the student's kernel, in a jail, on the hidden inputs of
# en: exercises/regularization.py, against the reference solution.
# pt: Verificado pelo corretor fora do kernel do aluno, num ambiente isolado, com as entradas
# pt: ocultas de exercises/regularization.py, contra a solução de referência.
### END HIDDEN TESTS

# %% [markdown] lang="en"
# Now train the model with dropout, `keep_prob = 0.86`: at every iteration each unit of layers 1 and 2 is
# shut down with probability 14 %. The `model()` function now calls `forward_propagation_with_dropout`
# and `backward_propagation_with_dropout`.

# %% [markdown] lang="pt"
# Agora treine o modelo com dropout, `keep_prob = 0.86`: a cada iteração cada unidade das camadas 1 e 2 é
# desligada com probabilidade de 14 %. A função `model()` passa a chamar
# `forward_propagation_with_dropout` e `backward_propagation_with_dropout`.

# %%
parameters, costs = model(train_X, train_Y, keep_prob=0.86)
print("On the training set:")  # [en]
print("No conjunto de treinamento:")  # [pt]
predictions_train = predict(train_X, train_Y, parameters)
print("On the test set:")  # [en]
print("No conjunto de teste:")  # [pt]
predictions_test = predict(test_X, test_Y, parameters)

# %%
show_training(costs, parameters, "Model with dropout")  # [en]
show_training(costs, parameters, "Modelo com dropout")  # [pt]

# %% [markdown] lang="en"
# Dropout works well too! The test accuracy is again well above the basic model's 89.5 %, and the training
# accuracy is now below the test accuracy: the decision boundary no longer follows the noise of the training set.
#
# **Note**:
# - A **common mistake** when using dropout is to use it both in training and testing. Use dropout
#   (randomly eliminate units) only in training. `predict` calls the plain `forward_propagation`.
# - Deep learning frameworks come with a dropout layer; you just implemented the idea behind it.
# - Because `forward_propagation_with_dropout` reseeds the generator on every call (so that the tests can
#   check it), this model draws the same masks at every iteration. A real implementation draws new masks
#   each time.
# - So do not compare the costs printed by the three trainings: they do not measure the same thing. The
#   dropout model's cost is computed with its masks on, and since the masks never change, the network learns
#   to fit the training set *through these masks*: its printed cost ends far below the basic model's (about
#   0.05 against 0.14 at iteration 20000), although its training accuracy is lower. Without the masks, which
#   is how `predict` uses the network, the same parameters have a much higher cost. (The L2 model's printed
#   cost includes its regularization term.) Judge a regularizer by the test accuracy.
#
# <font color='blue'>**What you should remember** about dropout:
# - Dropout is a regularization technique.
# - You only use dropout during training. Don't use dropout (randomly eliminate units) during test time.
# - Apply dropout both during forward and backward propagation.
# - During training, divide each dropout layer by keep_prob to keep the same expected value for the
#   activations. For example, if keep_prob is 0.5, we will on average shut down half the units, so the
#   output is scaled by 0.5 since only the remaining half contribute; dividing by 0.5 is equivalent to
#   multiplying by 2, and the output has the same expected value.</font>

# %% [markdown] lang="pt"
# O dropout também funciona bem! A acurácia de teste fica de novo bem acima dos 89,5 % do modelo básico, e a
# acurácia de treinamento agora fica abaixo da de teste: a fronteira de decisão deixou de acompanhar o ruído do
# conjunto de treinamento.
#
# **Nota**:
# - Um **erro comum** é usar o dropout tanto no treinamento quanto no teste. Use o dropout (eliminar
#   unidades ao acaso) só no treinamento. `predict` chama a `forward_propagation` simples.
# - Os frameworks de aprendizado profundo trazem uma camada de dropout; você acabou de implementar a ideia
#   por trás dela.
# - Como `forward_propagation_with_dropout` reinicia o gerador a cada chamada (para que os testes possam
#   verificá-la), este modelo sorteia as mesmas máscaras em todas as iterações. Uma implementação de
#   verdade sorteia máscaras novas a cada vez.
# - Por isso, não compare os custos impressos pelos três treinamentos: eles não medem a mesma coisa. O custo
#   do modelo com dropout é calculado com as máscaras aplicadas e, como as máscaras nunca mudam, a rede
#   aprende a se ajustar ao conjunto de treinamento *através dessas máscaras*: o custo impresso termina bem
#   abaixo do custo do modelo básico (cerca de 0,05 contra 0,14 na iteração 20000), embora a acurácia de
#   treinamento seja menor. Sem as máscaras, que é como `predict` usa a rede, os mesmos parâmetros têm um
#   custo bem maior. (O custo impresso do modelo com L2 inclui o termo de regularização.) Julgue um
#   regularizador pela acurácia de teste.
#
# <font color='blue'>**O que você deve lembrar** sobre o dropout:
# - Dropout é uma técnica de regularização.
# - Use o dropout só durante o treinamento. Não use dropout (eliminar unidades ao acaso) na hora do teste.
# - Aplique o dropout tanto na propagação para frente quanto na propagação para trás.
# - Durante o treinamento, divida cada camada com dropout por keep_prob para manter o mesmo valor
#   esperado das ativações. Por exemplo, se keep_prob é 0,5, em média metade das unidades é desligada, e a
#   saída fica escalada por 0,5, já que só a outra metade contribui; dividir por 0,5 equivale a
#   multiplicar por 2, e a saída volta a ter o mesmo valor esperado.</font>

# %% [markdown] lang="en"
# ## 6 - Conclusions
#
# **Here are the results of the three models** (the numbers your run printed above):
#
# | model | train accuracy | test accuracy |
# |---|---|---|
# | 3-layer network without regularization | 94.8 % | 89.5 % |
# | 3-layer network with L2 regularization | 94.3 % | 97.5 % |
# | 3-layer network with dropout | 93.4 % | 96.0 % |
#
# Regularization hurts the training set performance: it limits the ability of the network to overfit the
# training set. But it improves the test accuracy, and that is what helps your system.
#
# Congratulations on finishing this assignment, and on revolutionizing football :-)
#
# <font color='blue'>**What we want you to remember from this notebook**:
# - Regularization helps you reduce overfitting.
# - L2 regularization drives your weights to lower values; dropout regularizes in another way: each unit
#   learns not to rely on any one other unit.
# - L2 regularization and dropout are two very effective regularization techniques.</font>

# %% [markdown] lang="pt"
# ## 6 - Conclusões
#
# **Estes são os resultados dos três modelos** (os números que a sua execução imprimiu acima):
#
# | modelo | acurácia de treinamento | acurácia de teste |
# |---|---|---|
# | rede de 3 camadas sem regularização | 94,8 % | 89,5 % |
# | rede de 3 camadas com regularização L2 | 94,3 % | 97,5 % |
# | rede de 3 camadas com dropout | 93,4 % | 96,0 % |
#
# A regularização piora o desempenho no conjunto de treinamento: ela limita a capacidade da rede de se
# sobreajustar ao conjunto de treinamento. Mas melhora a acurácia de teste, e é isso que ajuda o seu sistema.
#
# Parabéns por terminar esta tarefa e por revolucionar o futebol :-)
#
# <font color='blue'>**O que queremos que você lembre deste notebook**:
# - A regularização ajuda a reduzir o sobreajuste.
# - A regularização L2 leva os pesos a valores menores; o dropout regulariza de outro jeito: cada unidade
#   aprende a não depender de nenhuma outra unidade em particular.
# - A regularização L2 e o dropout são duas técnicas de regularização muito eficazes.</font>
