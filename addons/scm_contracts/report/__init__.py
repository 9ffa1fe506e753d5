from . import scm_contract_original_report
