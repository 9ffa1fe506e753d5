from . import scm_customer_reassign
