print("waldur-orders")
