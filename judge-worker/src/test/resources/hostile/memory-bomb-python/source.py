# Grows a list of big strings: MemoryError or an OOM kill, either way MLE.
blocks = []
while True:
    blocks.append("x" * (1 << 20) + str(len(blocks)))
