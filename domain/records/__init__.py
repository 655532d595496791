"""A client's record as a whole: who viewed or changed it (the audit log), the copy a client or
their carer downloads (APP 12), and a request to correct it (APP 13)."""
