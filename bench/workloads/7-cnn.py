# A small CNN forward and backward on a batch of 64 grey 28x28 images, ten SGD steps:
# convolutions, pooling and their backward passes.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3)
        self.conv2 = nn.Conv2d(8, 16, 3)
        self.fc = nn.Linear(16 * 5 * 5, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(x.flatten(1))


torch.manual_seed(0)
images = torch.randn(64, 1, 28, 28)
labels = torch.randint(0, 10, (64,))
model = SmallCNN()
opt = optim.SGD(model.parameters(), lr=0.05)
for step in range(10):
    opt.zero_grad()
    loss = F.cross_entropy(model(images), labels)
    loss.backward()
    opt.step()
print(f"loss {loss.item():.4f}")
