from . import scm_project_customer_sign
