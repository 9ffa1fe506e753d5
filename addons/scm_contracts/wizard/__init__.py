from . import scm_contract_customer_sign
from . import scm_contract_register
from . import secondary_review_apply
