"""Your own models priced from the warehouse's SQL macros (`inference-energy estimate`, or
./scripts/estimate), and the great-expectations validation page of the catalogue."""
