print("ui benchmark")
