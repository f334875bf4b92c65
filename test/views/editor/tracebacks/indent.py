def f():
  if True:
        pass
     print(1)
