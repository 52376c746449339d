print("client benchmark")
