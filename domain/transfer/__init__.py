"""Moving an agency's own records in and out: CSV and Excel files of workers and clients."""
