def f(x):
    return 1 / x

def main():
    f(0)

main()
