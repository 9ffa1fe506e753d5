from . import test_sc_contract
