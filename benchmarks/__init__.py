"""argmap's benchmarks: generated maps at 1k-100k claims, timed against peers and floors."""
