def document_company(record):
    """The company a document belongs to: its own, else the user's current one."""
    return record.company_id if "company_id" in record._fields else record.env.company
