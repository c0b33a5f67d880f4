import numpy as np
#---
_a = np.array([713726.013, -96335.358801, -620195.937385, -48473.527582, 585954.0], dtype=np.float64).reshape((5,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([78, 1, 1, 63, 5], dtype=np.int32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0.003824822953, -0.0, 0.032, 0.031, 0.0, 0.04, 0.051598, -0.0], dtype=np.float64).reshape((2, 4))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0], dtype=np.uint8).reshape((1,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([float('nan'), -60.301973255708, -46.0, -38.0, 93.0], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-6446.437436, -6232.290648, -6186.311694192679, 5390.44, 2874.0], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-391709700.0, -578579557.131, 991671440.815581, 283671313.0, -915784359.1, -573513262.84, -980849522.759174, -342089148.9, -227660089.0, -819765654.07614, 273174811.0, 202567687.16, 244298464.9, 918269344.975, 664718457.7, 733051335.6, 254489751.97, 816847461.884966, -501002867.1, -683048579.9994413, 880809792.2, 373948007.079, 764379508.532825, -843004384.0, -792320637.0, 24711653.03, -523185614.64803445, -216778065.905, 647435693.514705, -18000985.779832, -649133206.4682815, 954356433.0, -543207325.34975, 307015193.289516, 228606031.45, -575199501.0, 497970224.0, -461612143.942, -501871943.0, -647492449.25], dtype=np.float64).reshape((2, 20))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 1, 0, 3], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([float('nan'), -0.849474, -0.0, 0.800391762499, 0.5, 0.59, -0.296331806705, -0.0, 0.742, 1.0, 0.726945, -0.970934933052, float('inf')], dtype=np.float64).reshape((13,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-832435.555477, -940420.339849, -824536.0, -539556.7125470077, -774230.130058], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0], dtype=np.uint8).reshape((3,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0], dtype=np.int32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-0.5], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([7078316293720954.0], dtype=np.float16)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-4879.155579405116, -9784.667, 697.0, -6418.02, 5571.67714, 3946.231447, 8.3, -2129.675768500294, 8125.0, -1790.355603008893, -2240.556, -929.27691386987, 7747.0, -2463.944621, 3053.4756, 5935.34, -725.84534787129, 9647.0, 4438.713023984186, 8485.0, -5734.068, 9609.86, 739.13, -4762.336923183543, 7115.67, 94.0, -1181.976148, -1571.66, -251.0, -5634.0, -1421.0, -6542.07, 3731.7, -588.760205, 8011.34463, 6799.52884880994, -1196.735, 1579.022846989984, -8279.5, -1211.558055], dtype=np.float32).reshape((40,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0, 0, 0, 0, 99, 0], dtype=np.uint8).reshape((8,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([float('nan'), -7e-06, -0.0, -0.0, -0.0, -0.0, 0.0, -6e-06], dtype=np.float64).reshape((2, 4))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0.0, 0.0], dtype=np.float64).reshape((2,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0.435392457213, 0.061, -0.953499982123, -0.173196, 0.231589, -0.591467516663, 0.1, 0.059238], dtype=np.float16).reshape((8,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-0.0, 0.0, -0.0], dtype=np.float16)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-0.0, float('inf')], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([52, 37, 29, 2, 64, 20, 26, 92, 6, 97, 51, 74, 34], dtype=np.uint8).reshape((13,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0.0, 0.06, -0.0, 0.0, 0.063, -0.07, 0.075968302099, -0.026], dtype=np.float32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([18, 11, 92], dtype=np.int32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([13.915108, -84.633207, 99.977403130524, -57.0, 52.347941, -95.435898, -78.4, -48.673, 1.0, 30.0, -80.31, -44.86, 10.011538], dtype=np.float64).reshape((13,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([60, 56, 96, 96, 0], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([36, 51, 86], dtype=np.int64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0], dtype=np.uint8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-89.968357113381, 89.0, 59.5], dtype=np.float16)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0, 0, 0, 0, 0, 0], dtype=np.uint8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([364012649.95, 555933501.480026, 630263775.6, 905269984.753863, -742256771.946, -772262893.57, 568617634.584784, 693123301.26, -456976315.2329835, 450150989.9629712, 183350163.5495518, -442718658.5, -620369107.2], dtype=np.float16).reshape((13,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([float('inf')], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([77, 72], dtype=np.int32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([96, 0, 5, 4, 4], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], dtype=np.int64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-3.0, -3.937462307444, 3.16, 5.69, 2.929848, 1.326757556646, 5.787, 0.42, -0.6, -1.405716213966, 5.5, -5.82, -6.662358201397], dtype=np.float16).reshape((13,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([4, 96, 0, 95, 5, 4, 0, 96], dtype=np.uint8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([float('nan'), -452712.0, 798144.0], dtype=np.float64).reshape((3,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-1.558961086653139e+16, -5.591003076879857e+16, -3.236635213388608e+16, -2.112348474496539e+16, 6.145510519783419e+16, 3.447747250901985e+16, -2391769681364541.5, -8.550629659274126e+16, 8.299536860919099e+16, 5.140928451155449e+16, -3.0166930178546856e+16, 6.118145194348174e+16, 7.77293867836279e+16, 2.805467102579422e+16, -2.758946014927863e+16, 6.045068369794934e+16, 8.471238228746744e+16, -5.085592755491699e+16, 9.820207601068085e+16, 3.681366617628252e+16, -5.912705005805638e+16, 5814277070797047.0, 9.395205510569658e+16, -5711033480696992.0, -7.703745766952733e+16, -6.889693770418313e+16, 8.243911573640184e+16, -9.656599225988027e+16, 8.185898631871285e+16, -3.748989089030638e+16, -6.309198236566755e+16, 1.767014449150679e+16, 4.3448746907580584e+16, 1722012793957161.8, -6.300259248238655e+16, -1.9502666335533036e+16, 2.535118691360141e+16, -4101774314954531.5, -3047976065547764.0, 8.285060071303926e+16], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0, 0, 0], dtype=np.int32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0.042657, 0.075, -0.07, -0.071052, -0.073776712064, 0.1, 0.0, -0.1, -0.1, 0.0, -0.029654, 0.0, 0.077930860937, -0.006267255421, 0.017327, -0.0, -0.01660589994, -0.082, -0.058318, -0.017, -0.07, -0.037, -0.08, 0.09945363174, 0.04, -0.1, -0.079, 0.035171730014, 0.0, 0.0, 0.07273579296, 0.0, -0.0, -0.0, 0.071213141071, -0.058654, -0.069573595687, -0.024802, 0.05, 0.050984], dtype=np.float16)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([float('nan'), -0.060362060014, -0.337], dtype=np.float64)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([4.165777292735055e+16, -6.136688083070662e+16, 6.738394716853633e+16, 4.078732742384133e+16, -5.4683405112686344e+16, 9.748284090177442e+16, -1.863177601813977e+16, -3.1668977557695644e+16, 8.537935839826674e+16, 2.9449507900257708e+16, 6.4221591787518296e+16, -3451157612486932.5, 2.460535021934729e+16], dtype=np.float16).reshape((13,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-962916.98, -622480.12, 301445.0, 114406.3, 18724.42, 650377.230386, 426865.55, 533025.41], dtype=np.float32).reshape((8,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([float('nan'), 0.0, 0.1, -0.05108, -0.02, -0.03, -0.0, -0.009542584459], dtype=np.float64).reshape((8,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([1.0, 6.0], dtype=np.float16).reshape((2,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-0.000629, 0.001, -0.0], dtype=np.float32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([6.947219779741625e+16, 2.304403572067326e+16, 6.076343173284224e+16, -6.829002916882247e+16, -6395228157846300.0, 5571757832732449.0, 1.3903476902446154e+16, -3.2751554966314676e+16, -4.726836048941023e+16, 8.634139497890731e+16, 2.834113059040435e+16, 4.4325799749783544e+16, -1.936443305115367e+16, 2.0018661174952524e+16, -3.091094432558867e+16, 8.261117292837608e+16, 5.1606912027239704e+16, -2842146323355599.0, 6.764831230853794e+16, -1.8195909522302012e+16, -7.652618353669842e+16, 8.104959270199622e+16, -3.3927123956380556e+16, -1.3555074601843598e+16, -3.5861922938739464e+16, -4.079084288242032e+16, 8.002755408468918e+16, -2.4702846113560172e+16, 5.0377097412299144e+16, 7.65194305679759e+16, -5.1131507568888936e+16, -5.153061523640976e+16, 9.450992651576608e+16, 3.898092971052691e+16, 8.198933637015166e+16, -3.874023607843513e+16, 8.804834818224827e+16, 9.985535429610984e+16, 9.329462926308547e+16, -2.6245744725329412e+16], dtype=np.float16).reshape((40,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0, 0, 0, 0, 0, 0, 0], dtype=np.int32).reshape((8,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0, 0], dtype=np.int8)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([7.594351127433883e+16, -5.9597931007896584e+16], dtype=np.float64).reshape((2,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0], dtype=np.uint8).reshape((1,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([2.743, -1.2], dtype=np.float16)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0.0, 0.06], dtype=np.float64).reshape((2,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([0.1, 0.03, -0.07349118793, -0.0, -0.011931, -0.0, -0.098604, -0.04], dtype=np.float32)
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
#---
_a = np.array([-0.064134150328, 0.0], dtype=np.float64).reshape((2,))
print(repr(_a)); print(_a); print(repr(_a[0]) if _a.ndim == 1 else repr(_a[0, 0]))
