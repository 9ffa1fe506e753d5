from . import scm_customer_reassign
from . import newbranch_resolution_wizard
