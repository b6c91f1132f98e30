# annex
