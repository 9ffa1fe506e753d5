from . import res_partner

# [areas]
