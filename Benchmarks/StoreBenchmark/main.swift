print("store benchmark")
