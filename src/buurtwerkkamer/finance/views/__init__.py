"""The finance pages, one module per part of the books: petty cash and its
transfers, fixed costs and budgets, bank statements, overviews, the journal."""
