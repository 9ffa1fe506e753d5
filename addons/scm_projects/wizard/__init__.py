from . import scm_project_customer_sign
from . import scm_project_execution_verify
