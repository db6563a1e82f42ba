# %% [markdown]
# # Waiting
# %%
print(1 + 1)
